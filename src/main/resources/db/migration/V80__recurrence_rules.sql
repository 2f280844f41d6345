-- Repeating times are stored as RFC 5545 RRULEs with the time of day in them (BYHOUR, BYMINUTE), read in the zone
-- kept beside them: meetup.recurrence held words ("weekly on thursday 18:00", "every 2nd tuesday 16:00"), and
-- working-group check-ins a weekday and a time. Plain SQL both stores run: the words end in HH:MM, so the rule's
-- words are everything before the last six characters and the hour and minute the last five.

UPDATE meetup SET recurrence =
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
        SUBSTR(recurrence, 1, LENGTH(recurrence) - 6),
        'weekly on ', 'FREQ=WEEKLY;BYDAY='),
        'every 1st ', 'FREQ=MONTHLY;BYDAY=1'),
        'every 2nd ', 'FREQ=MONTHLY;BYDAY=2'),
        'every 3rd ', 'FREQ=MONTHLY;BYDAY=3'),
        'every 4th ', 'FREQ=MONTHLY;BYDAY=4'),
        'every last ', 'FREQ=MONTHLY;BYDAY=-1'),
        'monday', 'MO'), 'tuesday', 'TU'), 'wednesday', 'WE'), 'thursday', 'TH'), 'friday', 'FR'),
        'saturday', 'SA'), 'sunday', 'SU')
    || ';BYHOUR=' || CAST(CAST(SUBSTR(recurrence, LENGTH(recurrence) - 4, 2) AS INTEGER) AS TEXT)
    || ';BYMINUTE=' || CAST(CAST(SUBSTR(recurrence, LENGTH(recurrence) - 1, 2) AS INTEGER) AS TEXT)
WHERE recurrence LIKE 'weekly on %' OR recurrence LIKE 'every %';

-- NULL: a check-in from before rules, weekly on its weekday at its time (all are converted here).
ALTER TABLE wg_checkin ADD COLUMN rule TEXT;
UPDATE wg_checkin SET rule = 'FREQ=WEEKLY;BYDAY=' || SUBSTR(weekday, 1, 2)
    || ';BYHOUR=' || CAST(CAST(SUBSTR(at_time, 1, 2) AS INTEGER) AS TEXT)
    || ';BYMINUTE=' || CAST(CAST(SUBSTR(at_time, 4, 2) AS INTEGER) AS TEXT);

-- A cohort slot's time: module n starts on the cohort's start date + (n-1) days, 09:00 in the lead's zone, unless a
-- lead moves it. Its reminders (24 h and 1 h before) are due tasks keyed by this row's id.
CREATE TABLE cohort_slot_time (
    id        ${id_column},
    cohort_id BIGINT NOT NULL REFERENCES cohort (id),
    module_id BIGINT NOT NULL REFERENCES syllabus_module (id),
    starts_at BIGINT NOT NULL,
    UNIQUE (cohort_id, module_id)
);

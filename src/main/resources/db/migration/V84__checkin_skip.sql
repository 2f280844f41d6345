-- A member on vacation skips a working group's check-ins until this instant (epoch millis, like the other times).
ALTER TABLE wg_member ADD COLUMN checkin_skip_until BIGINT;

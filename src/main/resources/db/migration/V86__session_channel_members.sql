-- A live session started without --threshold asks the platform how many are in its channel after the commit
-- (members_request_id: that outbox row); once answered, channel_members holds the count and threshold becomes 10 %
-- of it (at least 2). NULL: not asked (a threshold was chosen), not answered yet, or the platform could not tell.
ALTER TABLE live_session ADD COLUMN channel_members INTEGER;
ALTER TABLE live_session ADD COLUMN members_request_id BIGINT;

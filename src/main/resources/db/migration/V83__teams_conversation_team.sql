-- The team a Teams channel belongs to: Microsoft Graph creates working-group channels in the guild channel's team,
-- and Graph names a team by its Microsoft 365 group id, which Bot Framework activities carry only sometimes.
ALTER TABLE teams_conversation ADD COLUMN team_id TEXT;        -- 19:…@thread.tacv2, the team's General channel
ALTER TABLE teams_conversation ADD COLUMN team_group_id TEXT;  -- the team's Microsoft 365 group id (a GUID), for Graph

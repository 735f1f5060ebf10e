-- Macros shared by the report's steps and by import notes.

-- Phone: a record's result word is ranked case-insensitively: 1 answered, 2 voicemail, 3 abandoned,
-- 4 missed, 5 any other word (reported as Other). A session's outcome is its best-ranked record.
CREATE OR REPLACE TEMP MACRO phone_outcome_rank(result) AS
  CASE
    WHEN lower(trim(result)) IN ('accepted', 'call accepted', 'call connected') THEN 1
    WHEN lower(trim(result)) IN ('voicemail', 'sent to voicemail') THEN 2
    WHEN lower(trim(result)) = 'abandoned' THEN 3
    WHEN lower(trim(result)) IN ('missed', 'no answer', 'busy', 'rejected', 'declined', 'hang up') THEN 4
    ELSE 5
  END;

-- The key of the use a usage-events row names: its session, meeting or message id. A row without one
-- is a use of its own, keyed by its content, so the same row dropped twice is still one use.
CREATE OR REPLACE TEMP MACRO usage_key(channel, session_id, person_key, start_utc, start_wall, endpoint_raw) AS
  coalesce(session_id,
           'usage:' || md5(concat_ws('|', channel, person_key, start_utc, start_wall, endpoint_raw)));

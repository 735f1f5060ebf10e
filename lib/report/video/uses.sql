-- Video: meetings, and each person's uses of meetings.

-- Every row of a meeting (its host row, its participant rows, usage rows naming it) under one key.
CREATE OR REPLACE TEMP TABLE video_rows AS
SELECT *,
       CASE WHEN kind = 'usage' THEN usage_key(channel, session_id, person_key, start_utc, start_wall, endpoint_raw)
            ELSE session_id END AS meeting_key,
       -- One participant: a person of the directory, else the same account and extension id, else one
       -- guest entry.
       coalesce(person_key, record_id, 'row:' || file_id || ':' || source_line) AS participant_key
FROM channel_events;

-- One row per meeting, de-duplicated by id across files. A meeting's duration is the longest found
-- for it (every row of a meeting carries the meeting's duration), or NULL when no row gives one, as in
-- usage events without a duration column. Participants are the people of its
-- participant rows. A usage row adds its person too, unless its role is host or, with no role, the
-- person is the meeting's host: such a row only names the endpoint of the host's use.
CREATE OR REPLACE TEMP TABLE video_meetings AS
WITH hosted AS (
  SELECT *, coalesce(bool_or(role = 'host') OVER (PARTITION BY meeting_key, person_key), false) AND person_key IS NOT NULL AS is_host
  FROM video_rows
)
SELECT meeting_key,
       min(local_ts) AS start_local,
       min(local_ts)::DATE AS start_date,
       max(duration_s) AS duration_s,
       count(DISTINCT participant_key) FILTER (
         WHERE role = 'participant' OR (kind = 'usage' AND role IS NULL AND NOT is_host)
       ) AS participants
FROM hosted
GROUP BY meeting_key;

-- Account volume: every meeting that started in the period.
CREATE OR REPLACE TEMP TABLE volume AS
SELECT m.meeting_key AS item_key, m.start_date AS local_date
FROM video_meetings AS m
CROSS JOIN report_params AS p
WHERE m.start_date BETWEEN p.from_date AND p.to_date;

CREATE OR REPLACE TEMP TABLE video_period_meetings AS
SELECT m.*
FROM video_meetings AS m
SEMI JOIN volume AS v ON v.item_key = m.meeting_key;

-- A person's use: a meeting they hosted or joined. The host has a use even if absent from the
-- participants, and a host who also joined counts once, as host. Each distinct endpoint they joined
-- from (named by usage rows) is a use of that endpoint. Without one, the endpoint is unknown.
CREATE OR REPLACE TEMP TABLE uses AS
WITH person_meetings AS (
  SELECT person_key, meeting_key,
         CASE WHEN bool_or(role = 'host') THEN 'host' ELSE 'participant' END AS role
  FROM video_rows
  WHERE person_key IS NOT NULL
  GROUP BY person_key, meeting_key
),
endpoints AS (
  SELECT person_key, meeting_key, endpoint_raw, arg_max(version, local_ts) AS version
  FROM video_rows
  WHERE person_key IS NOT NULL AND kind = 'usage'
  GROUP BY person_key, meeting_key, endpoint_raw
)
SELECT pm.person_key, pm.meeting_key AS use_key, e.endpoint_raw, e.version, pm.role,
       m.start_local AS local_ts, m.start_date AS local_date
FROM person_meetings AS pm
JOIN video_period_meetings AS m USING (meeting_key)
LEFT JOIN endpoints AS e USING (person_key, meeting_key);

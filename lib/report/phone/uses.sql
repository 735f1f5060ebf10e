-- Phone: calls as sessions, and each person's uses of the phone.
--
-- The report runs this file once per part of the calls (variable `report_part`, report-parts.ts):
-- the first run makes the tables, the others add their part's rows. Every statement reads only its
-- part's rows, of `channel_events` and of the tables this file fills.
--
-- One row per call that started in the period. A session is Internal when every record has an
-- extension number on both sides, else it takes the direction of its first record. Usage rows naming
-- no call-log session are calls too; one without a result is taken as answered, since the row reports
-- a call that happened.
CREATE OR REPLACE TEMP TABLE phone_period_sessions AS
WITH records AS (
  SELECT session_id AS session_key, local_ts, direction, duration_s,
         from_extension IS NOT NULL AND to_extension IS NOT NULL AS both_extensions,
         phone_outcome_rank(result) AS outcome_rank
  FROM channel_events
  WHERE kind = 'record' AND report_part = getvariable('report_part')
),
usage_only AS (
  SELECT usage_key(channel, session_id, person_key, start_utc, start_wall, endpoint_raw) AS session_key,
         local_ts, direction, duration_s, false AS both_extensions,
         CASE WHEN result IS NULL THEN 1 ELSE phone_outcome_rank(result) END AS outcome_rank
  FROM channel_events
  WHERE kind = 'usage' AND report_part = getvariable('report_part')
    AND (session_id IS NULL OR session_id NOT IN (SELECT session_key FROM records))
),
sessions AS (
  SELECT session_key,
         min(local_ts) AS start_local,
         min(local_ts)::DATE AS start_date,
         CASE WHEN bool_and(both_extensions) THEN 'Internal'
              ELSE coalesce(arg_min(direction, local_ts) FILTER (WHERE direction IS NOT NULL), 'Unknown')
         END AS direction,
         min(outcome_rank) AS outcome_rank,
         -- Talk time of an answered call: its longest answered record.
         max(duration_s) FILTER (WHERE outcome_rank = 1) AS talk_seconds
  FROM (SELECT * FROM records UNION ALL SELECT * FROM usage_only)
  GROUP BY session_key
)
SELECT s.*, getvariable('report_part') AS report_part
FROM sessions AS s
CROSS JOIN report_params AS p
WHERE s.start_date BETWEEN p.from_date AND p.to_date;

-- Account volume: every call that started in the period.
CREATE OR REPLACE TEMP TABLE volume AS
SELECT session_key AS item_key, start_date AS local_date
FROM phone_period_sessions
WHERE report_part = getvariable('report_part');

-- A person's use: a call in which they own an outbound record (whatever its result) or an inbound
-- record that was answered. A usage row naming that call fills in its endpoint and version (the
-- latest such row wins); a usage row naming no such use is a use of its own.
CREATE OR REPLACE TEMP TABLE uses AS
WITH record_uses AS (
  SELECT DISTINCT person_key, session_id AS use_key
  FROM channel_events
  WHERE kind = 'record' AND person_key IS NOT NULL AND report_part = getvariable('report_part')
    AND (direction = 'Outbound' OR (direction = 'Inbound' AND phone_outcome_rank(result) = 1))
),
usage_rows AS (
  -- The same rule holds for usage rows: an inbound call with a result other than answered is not a
  -- use. A row without a direction or result reports a use.
  SELECT person_key,
         usage_key(channel, session_id, person_key, start_utc, start_wall, endpoint_raw) AS use_key,
         endpoint_raw, version, local_ts
  FROM channel_events
  WHERE kind = 'usage' AND person_key IS NOT NULL AND report_part = getvariable('report_part')
    AND NOT (direction = 'Inbound' AND result IS NOT NULL AND phone_outcome_rank(result) <> 1)
),
latest_usage AS (
  SELECT person_key, use_key, arg_max(endpoint_raw, local_ts) AS endpoint_raw, arg_max(version, local_ts) AS version
  FROM usage_rows
  GROUP BY person_key, use_key
),
all_uses AS (
  SELECT r.person_key, r.use_key, u.endpoint_raw, u.version
  FROM record_uses AS r
  LEFT JOIN latest_usage AS u USING (person_key, use_key)
  UNION ALL
  SELECT u.person_key, u.use_key, u.endpoint_raw, u.version
  FROM latest_usage AS u
  ANTI JOIN record_uses AS r USING (person_key, use_key)
)
SELECT a.person_key, a.use_key, a.endpoint_raw, a.version, NULL::VARCHAR AS role,
       s.start_local AS local_ts, s.start_date AS local_date
FROM all_uses AS a
JOIN phone_period_sessions AS s ON s.session_key = a.use_key
WHERE s.report_part = getvariable('report_part');

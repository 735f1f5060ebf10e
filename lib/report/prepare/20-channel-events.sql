-- The report channel's events with their wall-clock start in the report time zone (`local_ts`, from
-- the `located_events` macro), the person they belong to, and whether they fall in the period. The
-- columns that only find the person are left out: the table is the report's largest.
--
-- `report_part` is the part of the report (report-parts.ts) that the event's call, meeting or chat
-- falls in: its session key's hash modulo the variable `report_parts`. A usage row's session key is its
-- `usage_key`, the key the channel steps give its use.
--
-- `channel_event_rows` gives the events whose row number in `events` is in [first_row, end_row). The
-- report fills the table one range after another: DuckDB keeps the rows of a statement uncompressed
-- until it commits, and 5,000,000 calls written at once took 2.1 GiB of DuckDB-WASM's memory for a
-- table that takes 0.2 GiB compressed.
CREATE OR REPLACE TEMP MACRO channel_event_rows(first_row, end_row) AS TABLE
SELECT e.*,
       (CASE WHEN e.kind = 'usage'
             THEN hash(usage_key(e.channel, e.session_id, e.person_key, e.start_utc, e.start_wall, e.endpoint_raw))
             ELSE hash(e.session_id)
        END % getvariable('report_parts'))::INTEGER AS report_part
FROM (
  SELECT l.* EXCLUDE (event_row, user_platform_id, user_extension, user_email, user_name, action),
         l.local_ts::DATE AS local_date,
         l.local_ts::DATE BETWEEN p.from_date AND p.to_date AS in_period,
         coalesce(by_email.person_key, by_ext.person_key, by_id.person_key) AS person_key
  FROM report_params AS p
  CROSS JOIN located_events(p.channel) AS l
  LEFT JOIN identity_map AS by_email ON by_email.kind = 'email' AND by_email.value = nullif(lower(trim(l.user_email)), '')
  LEFT JOIN identity_map AS by_ext ON by_ext.kind = 'ext' AND by_ext.value = nullif(trim(l.user_extension), '')
  LEFT JOIN identity_map AS by_id ON by_id.kind = 'id' AND by_id.value = nullif(trim(l.user_platform_id), '')
  WHERE l.event_row >= first_row AND l.event_row < end_row
) AS e;

CREATE OR REPLACE TEMP TABLE channel_events AS FROM channel_event_rows(0, 0);

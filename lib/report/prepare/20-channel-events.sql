-- The report channel's events with their wall-clock start in the report time zone, the person they
-- belong to, and whether they fall in the period. Zone-less times are wall-clock already; instants get
-- the zone's offset at that instant from tz_offsets (an ASOF join on the offset intervals).
CREATE OR REPLACE TEMP TABLE channel_events AS
WITH located AS (
  SELECT e.*, coalesce(e.start_wall, e.start_utc + to_seconds(z.offset_s)) AS local_ts
  FROM (SELECT * FROM events WHERE channel = (SELECT channel FROM report_params)) AS e
  ASOF LEFT JOIN tz_offsets AS z ON e.start_utc >= z.utc_start
)
SELECT l.*,
       l.local_ts::DATE AS local_date,
       l.local_ts::DATE BETWEEN p.from_date AND p.to_date AS in_period,
       coalesce(by_email.person_key, by_ext.person_key, by_id.person_key) AS person_key
FROM located AS l
CROSS JOIN report_params AS p
LEFT JOIN identity_map AS by_email ON by_email.kind = 'email' AND by_email.value = nullif(lower(trim(l.user_email)), '')
LEFT JOIN identity_map AS by_ext ON by_ext.kind = 'ext' AND by_ext.value = nullif(trim(l.user_extension), '')
LEFT JOIN identity_map AS by_id ON by_id.kind = 'id' AND by_id.value = nullif(trim(l.user_platform_id), '');

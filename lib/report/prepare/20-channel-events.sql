-- The report channel's events with their wall-clock start in the report time zone (`local_ts`, from
-- the `located_events` macro), the person they belong to, and whether they fall in the period. The
-- columns that only find the person are left out: the table is the report's largest.
CREATE OR REPLACE TEMP TABLE channel_events AS
SELECT l.* EXCLUDE (user_platform_id, user_extension, user_email, user_name, action),
       l.local_ts::DATE AS local_date,
       l.local_ts::DATE BETWEEN p.from_date AND p.to_date AS in_period,
       coalesce(by_email.person_key, by_ext.person_key, by_id.person_key) AS person_key
FROM report_params AS p
CROSS JOIN located_events(p.channel) AS l
LEFT JOIN identity_map AS by_email ON by_email.kind = 'email' AND by_email.value = nullif(lower(trim(l.user_email)), '')
LEFT JOIN identity_map AS by_ext ON by_ext.kind = 'ext' AND by_ext.value = nullif(trim(l.user_extension), '')
LEFT JOIN identity_map AS by_id ON by_id.kind = 'id' AND by_id.value = nullif(trim(l.user_platform_id), '');

-- The channel's downloaded workbooks (usage_totals), one row per file. Totals cannot be split by
-- day, so a download counts only when the report period contains its whole period (`included`). One
-- that the report period cuts (`cut`) is left out, and the report's notes name it.
CREATE OR REPLACE TEMP TABLE channel_downloads AS
SELECT t.file_id,
       any_value(t.file_name) AS file_name,
       any_value(t.period_from) AS period_from,
       any_value(t.period_to) AS period_to,
       any_value(t.time_zone) AS time_zone,
       any_value(t.period_from) >= any_value(p.from_date) AND any_value(t.period_to) <= any_value(p.to_date) AS included,
       any_value(t.period_from) <= any_value(p.to_date) AND any_value(t.period_to) >= any_value(p.from_date)
         AND NOT (any_value(t.period_from) >= any_value(p.from_date) AND any_value(t.period_to) <= any_value(p.to_date)) AS cut
FROM usage_totals AS t
JOIN report_params AS p ON p.channel = t.channel
GROUP BY t.file_id;

-- The rows of the included downloads with the person they belong to (by e-mail, else extension),
-- when the report is built from downloads; empty otherwise.
CREATE OR REPLACE TEMP TABLE download_totals AS
SELECT t.*,
       coalesce(by_email.person_key, by_ext.person_key) AS person_key
FROM usage_totals AS t
JOIN report_params AS p ON p.channel = t.channel AND p.basis = 'downloads'
SEMI JOIN channel_downloads AS d ON d.file_id = t.file_id AND d.included
LEFT JOIN identity_map AS by_email ON by_email.kind = 'email' AND by_email.value = nullif(lower(trim(t.user_email)), '')
LEFT JOIN identity_map AS by_ext ON by_ext.kind = 'ext' AND by_ext.value = nullif(trim(t.user_extension), '');

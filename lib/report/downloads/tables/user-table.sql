-- The User Table from downloads: one row per person of the population per endpoint they used, and
-- one row with an empty endpoint for a person without a use. Status needs active days, which totals
-- lack. A person without a use is `Never`. Otherwise the row keeps the download's own Status when one
-- download covers the period, and is empty when several are summed.
WITH population_total AS (
  SELECT coalesce(sum(s.channel_count), 0) AS total
  FROM person_stats AS s
  SEMI JOIN population AS p USING (person_key)
),
coverage AS (
  SELECT count(*) = 1 AS single_download FROM channel_downloads WHERE included
),
own_status AS (
  SELECT person_key, arg_max(status, source_line) FILTER (WHERE status IS NOT NULL) AS status
  FROM download_totals
  GROUP BY person_key
)
SELECT p.name AS "userName",
       p.extension AS "userExtension",
       p.email AS "userEmail",
       CASE
         WHEN coalesce(s.channel_count, 0) = 0 THEN 'Never'
         WHEN c.single_download THEN coalesce(o.status, '')
         ELSE ''
       END AS "status",
       CASE WHEN coalesce(s.channel_count, 0) > 0 THEN 'Active' ELSE 'Inactive' END AS "userStatus",
       p.department AS "department",
       p.site AS "site",
       coalesce(e.endpoint, '') AS "endpoint",
       coalesce(e.version, '') AS "version",
       e.last_used AS "lastUsed",
       coalesce(e.usage_count, 0)::INTEGER AS "usageCount",
       coalesce(s.channel_count, 0)::INTEGER AS "channelCount",
       CASE WHEN t.total = 0 THEN 0 ELSE coalesce(s.channel_count, 0) / t.total END AS "channelShare",
       coalesce(s.host_count, 0)::INTEGER AS "hostCount",
       coalesce(s.participant_count, 0)::INTEGER AS "participantCount"
FROM population AS p
CROSS JOIN coverage AS c
CROSS JOIN population_total AS t
LEFT JOIN person_stats AS s USING (person_key)
LEFT JOIN own_status AS o USING (person_key)
LEFT JOIN download_endpoints AS e USING (person_key)
ORDER BY lower(p.name), p.name, p.person_key, e.endpoint;

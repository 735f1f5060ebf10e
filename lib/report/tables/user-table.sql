-- One row per person of the population per endpoint they used in the period. A person with no use gets
-- one row with an empty endpoint. Status compares active days with the period's working days as exact
-- fractions: active_days / working_days >= percent / 100 is active_days * 100 >= percent * working_days.
WITH per_endpoint AS (
  SELECT person_key, endpoint,
         count(*) AS usage_count,
         max(local_ts) AS last_used,
         arg_max(version, local_ts) AS version
  FROM report_uses
  GROUP BY person_key, endpoint
),
population_total AS (
  SELECT coalesce(sum(s.channel_count), 0) AS total
  FROM person_stats AS s
  SEMI JOIN population AS p USING (person_key)
)
SELECT p.name AS "userName",
       p.extension AS "userExtension",
       p.email AS "userEmail",
       CASE
         WHEN coalesce(s.active_days, 0) = 0 THEN 'Never'
         WHEN r.working_days = 0 OR s.active_days * 100 >= r.frequent_percent * r.working_days THEN 'Frequent'
         WHEN s.active_days * 100 >= r.regular_percent * r.working_days THEN 'Regular'
         ELSE 'Occasional'
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
CROSS JOIN report_params AS r
CROSS JOIN population_total AS t
LEFT JOIN person_stats AS s USING (person_key)
LEFT JOIN per_endpoint AS e USING (person_key)
ORDER BY lower(p.name), p.name, p.person_key, e.endpoint;

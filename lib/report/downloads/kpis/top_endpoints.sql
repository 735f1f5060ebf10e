-- Top endpoints from downloads: the same ranking as by-endpoint, over Usage Counts.
WITH ranked AS (
  SELECT e.endpoint, count(DISTINCT e.person_key) AS active_users, sum(e.usage_count) AS uses
  FROM download_endpoints AS e SEMI JOIN population USING (person_key)
  GROUP BY e.endpoint
  ORDER BY active_users DESC, uses DESC, e.endpoint
  LIMIT 3
)
SELECT string_agg(endpoint || ' (' || active_users || ')', ', ' ORDER BY active_users DESC, uses DESC, endpoint) AS value
FROM ranked;

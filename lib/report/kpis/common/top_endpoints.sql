-- label: Top endpoints
-- unit: active users
-- order: 70
-- definition: The three endpoints with the most active users (then uses, then name), with their active users.
WITH ranked AS (
  SELECT u.endpoint, count(DISTINCT u.person_key) AS active_users, count(*) AS uses
  FROM report_uses AS u SEMI JOIN population USING (person_key)
  GROUP BY u.endpoint
  ORDER BY active_users DESC, uses DESC, u.endpoint
  LIMIT 3
)
SELECT string_agg(endpoint || ' (' || active_users || ')', ', ' ORDER BY active_users DESC, uses DESC, endpoint) AS value
FROM ranked;

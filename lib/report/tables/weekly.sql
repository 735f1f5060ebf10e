-- Weeks run Monday to Sunday, clipped to the period. Active users count the population; volume
-- counts the account's items (calls, meetings, messages) that started in the week.
WITH days AS (
  SELECT unnest(generate_series(from_date::TIMESTAMP, to_date::TIMESTAMP, INTERVAL 1 DAY))::DATE AS day
  FROM report_params
),
weeks AS (
  SELECT date_trunc('week', day)::DATE AS week, min(day) AS week_start, max(day) AS week_end
  FROM days
  GROUP BY week
),
active AS (
  SELECT date_trunc('week', local_date)::DATE AS week, count(DISTINCT person_key) AS active_users
  FROM report_uses
  SEMI JOIN population USING (person_key)
  GROUP BY week
),
items AS (
  SELECT date_trunc('week', local_date)::DATE AS week, count(DISTINCT item_key) AS volume
  FROM volume
  GROUP BY week
)
SELECT strftime(w.week_start, '%Y-%m-%d') AS "weekStart",
       strftime(w.week_end, '%Y-%m-%d') AS "weekEnd",
       coalesce(a.active_users, 0)::INTEGER AS "activeUsers",
       coalesce(i.volume, 0)::INTEGER AS "volume"
FROM weeks AS w
LEFT JOIN active AS a USING (week)
LEFT JOIN items AS i USING (week)
ORDER BY w.week_start;

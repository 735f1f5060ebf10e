-- One row per day of the period, the daily counterpart of weekly.sql. Active users count the
-- population; volume counts the account's items (calls, meetings, messages) that started that day.
WITH days AS (
  SELECT unnest(generate_series(from_date::TIMESTAMP, to_date::TIMESTAMP, INTERVAL 1 DAY))::DATE AS day
  FROM report_params
),
active AS (
  SELECT local_date AS day, count(DISTINCT person_key) AS active_users
  FROM report_uses
  SEMI JOIN population USING (person_key)
  GROUP BY day
),
items AS (
  SELECT local_date AS day, count(DISTINCT item_key) AS volume
  FROM volume
  GROUP BY day
)
SELECT strftime(d.day, '%Y-%m-%d') AS "date",
       coalesce(a.active_users, 0)::INTEGER AS "activeUsers",
       coalesce(i.volume, 0)::INTEGER AS "volume"
FROM days AS d
LEFT JOIN active AS a USING (day)
LEFT JOIN items AS i USING (day)
ORDER BY d.day;

-- The report's parameters as a one-row table: channel, period (whole local days, both inclusive),
-- Status thresholds in percent, the period's days and Monday-to-Friday days, whether a users list is
-- loaded, and the report's basis: `events`, or `downloads` for a channel that has downloaded workbooks
-- (usage_totals) and no events. Parameters: channel, from date, to date, frequent percent, regular percent.
CREATE OR REPLACE TEMP TABLE report_params AS
WITH given AS (
  SELECT ?::VARCHAR AS channel, ?::DATE AS from_date, ?::DATE AS to_date,
         ?::DOUBLE AS frequent_percent, ?::DOUBLE AS regular_percent
)
SELECT given.*,
       (to_date - from_date + 1)::INTEGER AS days,
       (SELECT count(*) FROM generate_series(from_date::TIMESTAMP, to_date::TIMESTAMP, INTERVAL 1 DAY) AS g(day)
        WHERE isodow(g.day) <= 5)::INTEGER AS working_days,
       (SELECT count(*) > 0 FROM users) AS has_directory,
       CASE WHEN NOT EXISTS (SELECT 1 FROM events WHERE events.channel = given.channel)
                 AND EXISTS (SELECT 1 FROM usage_totals WHERE usage_totals.channel = given.channel)
            THEN 'downloads' ELSE 'events' END AS basis
FROM given;

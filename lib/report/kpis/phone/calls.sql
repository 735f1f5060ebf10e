-- label: Calls
-- unit: calls
-- order: 100
-- definition: Distinct calls (sessions) that started in the period, whatever their direction or outcome; legs and duplicate records count once.
SELECT count(*) AS value FROM phone_period_sessions;

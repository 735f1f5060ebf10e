-- label: Other results
-- unit: calls
-- order: 180
-- definition: Calls of any direction whose result words match none of the known ones; the import summary lists the words.
SELECT count(*) AS value FROM phone_period_sessions WHERE outcome_rank = 5;

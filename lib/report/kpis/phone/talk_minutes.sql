-- label: Talk minutes
-- unit: minutes
-- order: 190
-- definition: Over answered calls of any direction, the sum of each call's longest answered record, in minutes.
SELECT coalesce(sum(talk_seconds), 0) / 60 AS value FROM phone_period_sessions WHERE outcome_rank = 1;

-- label: Average call length
-- unit: minutes
-- order: 200
-- definition: Talk minutes divided by the number of answered calls of any direction.
SELECT sum(coalesce(talk_seconds, 0)) / 60 / nullif(count(*), 0) AS value
FROM phone_period_sessions WHERE outcome_rank = 1;

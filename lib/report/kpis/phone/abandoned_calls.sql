-- label: Abandoned
-- unit: calls
-- order: 170
-- definition: Inbound calls not answered whose caller hung up while waiting (Abandoned).
SELECT count(*) AS value FROM phone_period_sessions WHERE direction = 'Inbound' AND outcome_rank = 3;

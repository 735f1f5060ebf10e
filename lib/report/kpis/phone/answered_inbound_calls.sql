-- label: Answered inbound
-- unit: calls
-- order: 140
-- definition: Inbound calls with at least one answered record (Accepted, Call accepted, Call connected).
SELECT count(*) AS value FROM phone_period_sessions WHERE direction = 'Inbound' AND outcome_rank = 1;

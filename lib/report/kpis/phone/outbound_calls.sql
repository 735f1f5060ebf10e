-- label: Outbound
-- unit: calls
-- order: 120
-- definition: Calls from the account to outside numbers.
SELECT count(*) AS value FROM phone_period_sessions WHERE direction = 'Outbound';

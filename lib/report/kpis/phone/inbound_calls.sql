-- label: Inbound
-- unit: calls
-- order: 110
-- definition: Calls from outside the account to it (internal calls are counted under Internal only).
SELECT count(*) AS value FROM phone_period_sessions WHERE direction = 'Inbound';

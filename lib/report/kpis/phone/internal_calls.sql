-- label: Internal
-- unit: calls
-- order: 130
-- definition: Calls between two extensions of the account, counted once for the account.
SELECT count(*) AS value FROM phone_period_sessions WHERE direction = 'Internal';

-- label: Sent to voicemail
-- unit: calls
-- order: 160
-- definition: Inbound calls not answered that reached voicemail (Voicemail, Sent to Voicemail).
SELECT count(*) AS value FROM phone_period_sessions WHERE direction = 'Inbound' AND outcome_rank = 2;

-- label: Missed inbound
-- unit: calls
-- order: 150
-- definition: Inbound calls not answered, not sent to voicemail and not abandoned, with a result such as Missed, No Answer, Busy, Rejected, Declined or Hang Up.
SELECT count(*) AS value FROM phone_period_sessions WHERE direction = 'Inbound' AND outcome_rank = 4;

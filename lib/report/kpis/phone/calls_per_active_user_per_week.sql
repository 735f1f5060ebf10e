-- label: Calls per active user per week
-- unit: calls
-- order: 210
-- definition: Calls placed or answered by active users, divided by active users and by the period's weeks (days / 7).
SELECT sum(s.channel_count) / nullif(count(*), 0) / (any_value(r.days) / 7) AS value
FROM population JOIN person_stats AS s USING (person_key) CROSS JOIN report_params AS r
WHERE s.channel_count > 0;

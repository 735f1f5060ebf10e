-- label: Active rate
-- unit: %
-- order: 30
-- definition: Active users divided by users.
-- downloads: same
SELECT (SELECT count(*) FROM population JOIN person_stats USING (person_key) WHERE channel_count > 0)
       / nullif((SELECT count(*) FROM population), 0) AS value;

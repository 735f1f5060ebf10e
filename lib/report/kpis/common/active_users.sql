-- label: Active users
-- unit: users
-- order: 20
-- definition: People of the population with at least one use of the channel in the period.
-- downloads: same
SELECT count(*) AS value FROM population JOIN person_stats USING (person_key) WHERE channel_count > 0;

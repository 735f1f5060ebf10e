-- label: Active days per active user
-- unit: days
-- order: 50
-- definition: Average number of distinct local dates with a use, weekends included, over active users.
SELECT avg(active_days) AS value FROM population JOIN person_stats USING (person_key) WHERE channel_count > 0;

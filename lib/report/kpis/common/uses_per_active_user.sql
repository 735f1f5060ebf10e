-- label: Uses per active user
-- unit: uses
-- order: 60
-- definition: Uses of the channel by the population in the period divided by active users. A meeting joined from two apps is one use.
-- downloads: same
SELECT sum(channel_count) / nullif(count(*), 0) AS value
FROM population JOIN person_stats USING (person_key) WHERE channel_count > 0;

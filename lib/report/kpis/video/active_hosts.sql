-- label: Active hosts
-- unit: users
-- order: 150
-- definition: People of the population who hosted at least one meeting in the period.
-- downloads: same
SELECT count(*) AS value FROM population JOIN person_stats USING (person_key) WHERE host_count > 0;

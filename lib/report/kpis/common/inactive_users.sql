-- label: Inactive users
-- unit: users
-- order: 40
-- definition: People of the population with no use of the channel in the period; unknown without a users list.
SELECT CASE WHEN has_directory
            THEN (SELECT count(*) FROM population ANTI JOIN person_stats USING (person_key))
       END AS value
FROM report_params;

-- label: Users
-- unit: users
-- order: 10
-- definition: People in the population: with a users list, its enabled and not-activated people; without one, the people seen in the channel's data.
-- downloads: same
SELECT count(*) AS value FROM population;

-- Inactive users from downloads: without a users list, the downloads' own Inactive rows make
-- inactive users known.
SELECT count(*) AS value
FROM population LEFT JOIN person_stats USING (person_key)
WHERE coalesce(channel_count, 0) = 0;

-- Population's uses by endpoint from downloads: people with a use from it, and their Usage Counts.
SELECT e.endpoint AS "name",
       count(DISTINCT e.person_key)::INTEGER AS "activeUsers",
       sum(e.usage_count)::INTEGER AS "volume"
FROM download_endpoints AS e
SEMI JOIN population AS p USING (person_key)
GROUP BY e.endpoint
ORDER BY "activeUsers" DESC, "volume" DESC, "name";

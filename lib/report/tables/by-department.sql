-- Population by department: people with a use, and their uses.
SELECT coalesce(nullif(p.department, ''), '(No department)') AS "name",
       count(*) FILTER (WHERE s.channel_count > 0)::INTEGER AS "activeUsers",
       coalesce(sum(s.channel_count), 0)::INTEGER AS "volume"
FROM population AS p
LEFT JOIN person_stats AS s USING (person_key)
GROUP BY 1
ORDER BY "activeUsers" DESC, "volume" DESC, "name";

-- Population's uses by endpoint: people who used it, and uses from it. This order ranks the top
-- endpoints too: active users, then uses, then name.
SELECT u.endpoint AS "name",
       count(DISTINCT u.person_key)::INTEGER AS "activeUsers",
       count(*)::INTEGER AS "volume"
FROM report_uses AS u
SEMI JOIN population AS p USING (person_key)
GROUP BY u.endpoint
ORDER BY "activeUsers" DESC, "volume" DESC, "name";

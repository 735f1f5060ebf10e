-- Phone result words of one file that the report does not know, with how many records carry each.
-- Parameter: the file id.
SELECT result, count(*)::INTEGER AS records
FROM events
WHERE file_id = ? AND channel = 'phone' AND result IS NOT NULL AND phone_outcome_rank(result) = 5
GROUP BY result
ORDER BY records DESC, result;

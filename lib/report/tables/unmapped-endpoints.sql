-- Raw client names that no endpoint rule matched (endpoint `Other`), with their uses in the period,
-- so the administrator can add a rule for each. Most used first.
SELECT endpoint_raw AS "raw", count(*)::INTEGER AS "uses"
FROM report_uses
WHERE endpoint = 'Other'
GROUP BY endpoint_raw
ORDER BY "uses" DESC, "raw";

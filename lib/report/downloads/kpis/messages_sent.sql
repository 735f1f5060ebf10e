-- Messages sent from downloads: the Usage Counts of every row of the included downloads, users of the
-- population or not, since each message is sent from one endpoint.
SELECT coalesce(sum(usage_count), 0) AS value FROM download_totals;

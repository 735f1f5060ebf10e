-- Messages sent from downloads: the Usage Counts of every row of the included downloads, people of the
-- population or not, since each message is sent from one endpoint. A download lists only its account's
-- users, so messages of other senders (guests, disabled users) are not in it.
SELECT coalesce(sum(usage_count), 0) AS value FROM download_totals;

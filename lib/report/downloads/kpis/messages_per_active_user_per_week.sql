-- Per week from downloads: the weeks are those of the included downloads' periods (their days / 7),
-- not of the report period, because the days of a download that the period cuts are not counted at
-- all. Downloads of one channel never overlap, so their days add up.
SELECT sum(s.channel_count) / nullif(count(*), 0)
       / ((SELECT sum(period_to - period_from + 1) FROM channel_downloads WHERE included) / 7) AS value
FROM population JOIN person_stats AS s USING (person_key)
WHERE s.channel_count > 0;

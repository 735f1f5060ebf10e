-- label: Average meeting length
-- unit: minutes
-- order: 120
-- definition: Meeting minutes divided by the meetings with a known duration.
SELECT sum(duration_s) / 60 / nullif(count(duration_s), 0) AS value FROM video_period_meetings;

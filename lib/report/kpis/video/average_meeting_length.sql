-- label: Average meeting length
-- unit: minutes
-- order: 120
-- definition: Meeting minutes divided by meetings.
SELECT sum(duration_s) / 60 / nullif(count(*), 0) AS value FROM video_period_meetings;

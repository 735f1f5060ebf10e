-- label: Meeting minutes
-- unit: minutes
-- order: 110
-- definition: The sum of the durations of the period's meetings, in minutes.
SELECT coalesce(sum(duration_s), 0) / 60 AS value FROM video_period_meetings;

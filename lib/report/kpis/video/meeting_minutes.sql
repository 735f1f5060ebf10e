-- label: Meeting minutes
-- unit: minutes
-- order: 110
-- definition: The sum of the durations of the period's meetings, in minutes; unknown when meetings were found but none has a duration.
SELECT CASE WHEN count(*) > 0 AND count(duration_s) = 0 THEN NULL ELSE coalesce(sum(duration_s), 0) / 60 END AS value
FROM video_period_meetings;

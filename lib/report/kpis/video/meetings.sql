-- label: Meetings
-- unit: meetings
-- order: 100
-- definition: Distinct meetings that started in the period; a meeting found in several files counts once.
SELECT count(*) AS value FROM video_period_meetings;

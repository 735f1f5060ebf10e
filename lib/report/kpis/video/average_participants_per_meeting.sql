-- label: Average participants per meeting
-- unit: participants
-- order: 140
-- definition: Participants divided by meetings.
SELECT sum(participants) / nullif(count(*), 0) AS value FROM video_period_meetings;

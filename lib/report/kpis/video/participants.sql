-- label: Participants
-- unit: participants
-- order: 130
-- definition: Distinct people who joined each meeting, summed over meetings; rejoins and second devices of one person count once, and each guest entry without an id is one person.
SELECT coalesce(sum(participants), 0) AS value FROM video_period_meetings;

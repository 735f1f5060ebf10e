-- The report from downloads: totals per person and endpoint, and per person, summed over the included
-- downloads (whose periods never overlap, since loading rejects that). Last Used is the latest, and the
-- version is that of the latest use.
CREATE OR REPLACE TEMP TABLE download_endpoints AS
SELECT person_key,
       coalesce(nullif(trim(endpoint), ''), 'Unknown') AS endpoint,
       sum(usage_count) AS usage_count,
       max(last_used_wall) AS last_used,
       arg_max(version, last_used_wall) AS version
FROM download_totals
WHERE person_key IS NOT NULL AND usage_count > 0
GROUP BY ALL;

-- Number of Calls, Meets or Messages is repeated on each of a user's rows, so each file counts it once.
-- A row without it counts its Usage Count. Active days cannot be known from totals.
CREATE OR REPLACE TEMP TABLE person_stats AS
WITH per_file AS (
  SELECT person_key, file_id,
         coalesce(max(channel_count), sum(usage_count)) AS channel_count,
         max(host_count) AS host_count,
         max(participant_count) AS participant_count
  FROM download_totals
  WHERE person_key IS NOT NULL
  GROUP BY person_key, file_id
)
SELECT person_key,
       sum(channel_count) AS channel_count,
       NULL::BIGINT AS active_days,
       coalesce(sum(host_count), 0) AS host_count,
       coalesce(sum(participant_count), 0) AS participant_count
FROM per_file
GROUP BY person_key;

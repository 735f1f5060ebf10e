-- The channel's uses in the period, with the endpoint normalised. The channel's own step makes `uses`
-- (person_key, use_key, endpoint_raw, version, role, local_ts, local_date), one row per use and
-- endpoint. The first matching rule maps each client name to the short list. A use without client
-- information is `Unknown`, and a client name that matches no rule is `Other`.
CREATE OR REPLACE TEMP TABLE endpoint_map AS
SELECT raw,
       coalesce((SELECT r.endpoint FROM endpoint_rules AS r
                 WHERE regexp_matches(lower(raw), r.pattern)
                 ORDER BY r.priority LIMIT 1), 'Other') AS endpoint
FROM (SELECT DISTINCT endpoint_raw AS raw FROM uses WHERE nullif(trim(endpoint_raw), '') IS NOT NULL);

CREATE OR REPLACE TEMP TABLE report_uses AS
SELECT u.*, coalesce(m.endpoint, 'Unknown') AS endpoint
FROM uses AS u
LEFT JOIN endpoint_map AS m ON m.raw = u.endpoint_raw;

-- Per person: uses over all endpoints, distinct local dates with a use, and (Video) the meetings they
-- hosted and those they joined without hosting.
CREATE OR REPLACE TEMP TABLE person_stats AS
SELECT person_key,
       count(DISTINCT use_key) AS channel_count,
       count(DISTINCT local_date) AS active_days,
       count(DISTINCT use_key) FILTER (WHERE role = 'host') AS host_count,
       count(DISTINCT use_key) FILTER (WHERE role = 'participant') AS participant_count
FROM report_uses
GROUP BY person_key;

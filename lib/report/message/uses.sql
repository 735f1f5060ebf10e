-- Message: messages, and each person's uses (messages they sent).

-- One row per message, de-duplicated by post id across files (an edited post, overlapping exports).
-- A usage row names a post when its session id is the post's id, or when it has the post's chat id,
-- person and instant to the second. It fills in that post's endpoint and version. A row naming no
-- post is a message of its own, keyed by its content so that the same row loaded twice counts once.
CREATE OR REPLACE TEMP TABLE message_posts AS
WITH posts AS (
  SELECT record_id AS message_key,
         arg_min(person_key, local_ts) AS person_key,
         arg_min(session_id, local_ts) AS chat_id,
         max(coalesce(attachments, 0)) AS attachments,
         min(local_ts) AS local_ts
  FROM channel_events
  WHERE kind = 'record'
  GROUP BY record_id
),
usage_rows AS (
  SELECT u.person_key, u.session_id, u.endpoint_raw, u.version, u.local_ts,
         coalesce(
           (SELECT min(p.message_key) FROM posts AS p WHERE p.message_key = u.session_id),
           (SELECT min(p.message_key) FROM posts AS p
            WHERE p.chat_id = u.session_id AND p.person_key = u.person_key
              AND date_trunc('second', p.local_ts) = date_trunc('second', u.local_ts)),
           'usage:' || md5(concat_ws('|', u.channel, u.session_id, u.person_key, u.start_utc, u.start_wall, u.endpoint_raw))
         ) AS message_key
  FROM channel_events AS u
  WHERE u.kind = 'usage'
),
latest_usage AS (
  SELECT message_key, arg_max(person_key, local_ts) AS person_key, arg_max(session_id, local_ts) AS chat_id,
         arg_max(endpoint_raw, local_ts) AS endpoint_raw, arg_max(version, local_ts) AS version,
         min(local_ts) AS local_ts
  FROM usage_rows
  GROUP BY message_key
)
SELECT p.message_key, p.person_key, p.chat_id, p.attachments, u.endpoint_raw, u.version, p.local_ts
FROM posts AS p
LEFT JOIN latest_usage AS u USING (message_key)
UNION ALL
SELECT u.message_key, u.person_key, u.chat_id, 0, u.endpoint_raw, u.version, u.local_ts
FROM latest_usage AS u
ANTI JOIN posts AS p USING (message_key);

-- Account volume: every message sent in the period.
CREATE OR REPLACE TEMP TABLE volume AS
SELECT m.message_key AS item_key, m.local_ts::DATE AS local_date
FROM message_posts AS m
CROSS JOIN report_params AS p
WHERE m.local_ts::DATE BETWEEN p.from_date AND p.to_date;

CREATE OR REPLACE TEMP TABLE message_period_posts AS
SELECT m.*
FROM message_posts AS m
SEMI JOIN volume AS v ON v.item_key = m.message_key;

-- A person's use: a message they sent.
CREATE OR REPLACE TEMP TABLE uses AS
SELECT person_key, message_key AS use_key, endpoint_raw, version, NULL::VARCHAR AS role,
       local_ts, local_ts::DATE AS local_date
FROM message_period_posts
WHERE person_key IS NOT NULL;

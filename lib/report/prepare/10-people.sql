-- People: users-list rows, extension-list rows, identity rows (messaging members) and the identities
-- seen in events and in downloaded workbooks, merged into one row per person. Rows that share an e-mail (case-insensitive), an extension number or a platform id
-- describe the same person. Attributes come from the users lists, the latest loaded file first.
CREATE OR REPLACE TEMP TABLE identity_rows AS
WITH tuples AS (
  SELECT false AS from_events, file_id, source_line,
         nullif(lower(trim(email)), '') AS email_key, nullif(trim(extension), '') AS ext_key,
         nullif(trim(platform_id), '') AS id_key,
         trim(email) AS email, trim(extension) AS extension, trim(name) AS name,
         nullif(trim(department), '') AS department, nullif(trim(site), '') AS site, status, type
  FROM users
  UNION ALL
  SELECT true, file_id, source_line,
         nullif(lower(trim(email)), ''), nullif(trim(extension), ''), nullif(trim(platform_id), ''),
         trim(email), trim(extension), trim(name), NULL, NULL, NULL, NULL
  FROM identities
  UNION ALL
  SELECT DISTINCT true, NULL, NULL,
         nullif(lower(trim(user_email)), ''), nullif(trim(user_extension), ''), nullif(trim(user_platform_id), ''),
         trim(user_email), trim(user_extension), trim(user_name), NULL, NULL, NULL, NULL
  FROM events
  UNION ALL
  -- A download's rows also carry the user's department and site, used when no users list names them.
  SELECT true, file_id, source_line,
         nullif(lower(trim(user_email)), ''), nullif(trim(user_extension), ''), NULL,
         trim(user_email), trim(user_extension), trim(user_name),
         nullif(trim(department), ''), nullif(trim(site), ''), NULL, NULL
  FROM usage_totals
),
known AS (
  SELECT * FROM tuples WHERE coalesce(email_key, ext_key, id_key) IS NOT NULL
),
ext_email AS (
  SELECT ext_key, min(email_key) AS email_key FROM known
  WHERE ext_key IS NOT NULL AND email_key IS NOT NULL GROUP BY ext_key
),
id_email AS (
  SELECT id_key, min(email_key) AS email_key FROM known
  WHERE id_key IS NOT NULL AND email_key IS NOT NULL GROUP BY id_key
),
id_ext AS (
  SELECT id_key, min(ext_key) AS ext_key FROM known
  WHERE id_key IS NOT NULL AND ext_key IS NOT NULL GROUP BY id_key
)
SELECT k.*,
       coalesce(k.email_key, ee.email_key, ie.email_key, ie2.email_key,
                'ext:' || coalesce(k.ext_key, ix.ext_key), 'id:' || k.id_key) AS person_key
FROM known k
LEFT JOIN ext_email ee ON ee.ext_key = k.ext_key
LEFT JOIN id_email ie ON ie.id_key = k.id_key
LEFT JOIN id_ext ix ON ix.id_key = k.id_key
LEFT JOIN ext_email ie2 ON ie2.ext_key = ix.ext_key;

-- Each e-mail, extension and platform id points at one person (the smallest key if two claim it).
CREATE OR REPLACE TEMP TABLE identity_map AS
SELECT kind, value, min(person_key) AS person_key
FROM (
  SELECT 'email' AS kind, email_key AS value, person_key FROM identity_rows WHERE email_key IS NOT NULL
  UNION ALL
  SELECT 'ext', ext_key, person_key FROM identity_rows WHERE ext_key IS NOT NULL
  UNION ALL
  SELECT 'id', id_key, person_key FROM identity_rows WHERE id_key IS NOT NULL
)
GROUP BY kind, value;

CREATE OR REPLACE TEMP TABLE people AS
WITH ranked AS (
  -- Directory rows win over event rows; among them the latest file and line win.
  SELECT *, (CASE WHEN from_events THEN 0 ELSE 1 END) * 1e12 + coalesce(file_id, 0) * 1e7 + coalesce(source_line, 0) AS weight
  FROM identity_rows
)
SELECT person_key,
       bool_or(NOT from_events) AS in_directory,
       coalesce(arg_max(name, weight) FILTER (WHERE name <> ''), '') AS name,
       coalesce(arg_max(extension, weight) FILTER (WHERE extension <> ''), '') AS extension,
       coalesce(arg_max(email, weight) FILTER (WHERE email <> ''), '') AS email,
       coalesce(arg_max(department, weight) FILTER (WHERE department IS NOT NULL), '') AS department,
       coalesce(arg_max(site, weight) FILTER (WHERE site IS NOT NULL), '') AS site,
       arg_max(status, weight) FILTER (WHERE status IS NOT NULL) AS status,
       arg_max(type, weight) FILTER (WHERE type IS NOT NULL) AS type
FROM ranked
GROUP BY person_key;

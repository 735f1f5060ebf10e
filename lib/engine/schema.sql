-- The canonical tables. Every input format writes into these, and every number of the report is
-- computed from them. Text columns keep identities exactly as written (extensions keep leading zeros).

-- One row per users-list or extension-list entry.
CREATE TABLE IF NOT EXISTS users (
  file_id      INTEGER NOT NULL,
  source_line  INTEGER,
  platform_id  VARCHAR,  -- the platform's extension id
  extension    VARCHAR,  -- extension number, as text
  email        VARCHAR,
  name         VARCHAR,
  department   VARCHAR,
  site         VARCHAR,
  status       VARCHAR,  -- Enabled, Disabled, Frozen, NotActivated, Unassigned (normalised)
  type         VARCHAR   -- User, Digital User, Flexible User, Department, Room, Limited, ... as written
);

-- One row per use-shaped record: a call-log record (never a leg), a meeting join or hosting, a post,
-- or a row of the usage-events format.
CREATE TABLE IF NOT EXISTS events (
  file_id          INTEGER NOT NULL,
  source_line      INTEGER,
  channel          VARCHAR NOT NULL,  -- phone, video, message
  kind             VARCHAR NOT NULL,  -- record (from a platform export) or usage (usage-events row)
  record_id        VARCHAR,
  session_id       VARCHAR,           -- phone: session key; video: meeting id; message: chat id
  start_utc        TIMESTAMP,         -- the start instant, when the source carries a zone or offset
  start_wall       TIMESTAMP,         -- wall-clock start, read in the report time zone, otherwise
  user_platform_id VARCHAR,           -- the user who owns the record
  user_extension   VARCHAR,
  user_email       VARCHAR,
  user_name        VARCHAR,
  endpoint_raw     VARCHAR,           -- client application as the source names it
  version          VARCHAR,
  role             VARCHAR,           -- video: host or participant
  direction        VARCHAR,           -- phone: Inbound or Outbound
  result           VARCHAR,           -- phone: the result word as written
  action           VARCHAR,
  duration_s       DOUBLE,
  from_extension   VARCHAR,           -- phone: extension number on each side, when internal
  to_extension     VARCHAR,
  attachments      INTEGER,           -- message: files attached to the post
  CHECK (start_utc IS NOT NULL OR start_wall IS NOT NULL)
);

-- Identities that are not a directory: platform ids linked to e-mails and names (the members of a
-- messaging export, say). They link events to people but never add anyone to the population.
CREATE TABLE IF NOT EXISTS identities (
  file_id      INTEGER NOT NULL,
  source_line  INTEGER,
  platform_id  VARCHAR,
  extension    VARCHAR,
  email        VARCHAR,
  name         VARCHAR
);

-- Totals of a downloaded Adoption and Usage workbook: one row per User Table row (one user on one
-- endpoint, over the download's whole period). They are aggregates, so they never become events; the
-- report reads them only for a channel without events.
CREATE TABLE IF NOT EXISTS usage_totals (
  file_id           INTEGER NOT NULL,
  file_name         VARCHAR NOT NULL,
  sheet             VARCHAR NOT NULL,
  source_line       INTEGER NOT NULL,  -- the row in that worksheet
  channel           VARCHAR NOT NULL,  -- phone, video, message
  period_from       DATE NOT NULL,     -- the download's From and To days, both inclusive
  period_to         DATE NOT NULL,
  time_zone         VARCHAR,           -- the download's Time zone row, when it has one
  user_name         VARCHAR,
  user_extension    VARCHAR,
  user_email        VARCHAR,
  status            VARCHAR,           -- Frequent, Regular, Occasional, Never, as written
  user_status       VARCHAR,           -- Active or Inactive, as written
  department        VARCHAR,
  site              VARCHAR,
  endpoint          VARCHAR,
  version           VARCHAR,
  last_used_wall    TIMESTAMP,         -- wall-clock time as the workbook shows it
  usage_count       INTEGER NOT NULL,
  channel_count     INTEGER,           -- Number of Calls, Meets or Messages (the same on each of a user's rows)
  host_count        INTEGER,           -- video only
  participant_count INTEGER
);

-- Time and duration parsing for staged text columns. DuckDB-WASM here has no ICU, so nothing below
-- produces TIMESTAMPTZ. A time written with a zone becomes a UTC instant as a plain TIMESTAMP, and a
-- time without one becomes a wall-clock TIMESTAMP. parse-time.ts and parse-duration.ts in this folder
-- implement the same rules in JavaScript for JSON inputs, and the tests run one table of cases through both.

-- The parts of a time as text, '' where absent. Every field is '' when the text is not a time.
-- Accepted: an optional English weekday, an ISO date (2025-03-04) or a US date (3/4/2025), `T` or a
-- space, H:MM with optional seconds and fraction, an optional AM/PM, an optional zone (Z, UTC, GMT,
-- +05:30, +0530, +05).
CREATE OR REPLACE TEMP MACRO time_parts(t) AS regexp_extract(
  regexp_replace(trim(t), '\s+', ' ', 'g'),
  '(?i)^(?:(mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)\.?,? )?(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4}))[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?: ?([AP]M))?(?: ?(?:(Z|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?))?$',
  ['weekday', 'iso_year', 'iso_month', 'iso_day', 'us_month', 'us_day', 'us_year', 'hour', 'minute',
   'second', 'fraction', 'meridiem', 'zone_utc', 'zone_sign', 'zone_hours', 'zone_minutes']
);

-- The written date, or NULL for an impossible one (February 30).
CREATE OR REPLACE TEMP MACRO time_parts_date(p) AS TRY_CAST(
  CASE WHEN p.iso_year <> '' THEN p.iso_year || '-' || p.iso_month || '-' || p.iso_day
       ELSE p.us_year || '-' || p.us_month || '-' || p.us_day END
  AS DATE
);

-- The written hour on a 24-hour clock, or NULL when out of range for its 12- or 24-hour clock.
CREATE OR REPLACE TEMP MACRO time_parts_hour24(p) AS CASE
  WHEN p.meridiem = '' THEN CASE WHEN TRY_CAST(p.hour AS INTEGER) <= 23 THEN TRY_CAST(p.hour AS INTEGER) END
  WHEN TRY_CAST(p.hour AS INTEGER) BETWEEN 1 AND 12
    THEN TRY_CAST(p.hour AS INTEGER) % 12 + CASE WHEN upper(p.meridiem) = 'PM' THEN 12 ELSE 0 END
END;

-- Microseconds since midnight, or NULL for a minute or second above 59. Fractions finer than a
-- microsecond are cut, as TIMESTAMP stores microseconds.
CREATE OR REPLACE TEMP MACRO time_parts_micros_of_day(p) AS CASE
  WHEN TRY_CAST(p.minute AS INTEGER) <= 59 AND TRY_CAST(coalesce(nullif(p.second, ''), '0') AS INTEGER) <= 59 THEN
      time_parts_hour24(p) * 3600000000::BIGINT
    + TRY_CAST(p.minute AS BIGINT) * 60000000
    + TRY_CAST(coalesce(nullif(p.second, ''), '0') AS BIGINT) * 1000000
    + TRY_CAST(rpad(left(p.fraction, 6), 6, '0') AS BIGINT)
END;

-- The written wall-clock time, ignoring any zone. NULL for an impossible date or time, or for a
-- weekday that does not match the date (a sign of day and month swapped). Built from DATE plus an
-- interval: a two-format try_strptime took three times as long over 300,000 rows (DuckDB-WASM 1.32.0, Node).
CREATE OR REPLACE TEMP MACRO time_parts_local(p) AS time_parts_date(p) + to_microseconds(
  time_parts_micros_of_day(p)
  + CASE WHEN p.weekday = '' OR lower(left(p.weekday, 3)) = lower(strftime(time_parts_date(p), '%a')) THEN 0 END
);

-- The written zone's offset east of UTC in minutes. NULL without a zone or for an offset beyond
-- 14:59 (real offsets run from -12:00 to +14:00).
CREATE OR REPLACE TEMP MACRO time_parts_offset_minutes(p) AS CASE
  WHEN p.zone_utc <> '' THEN 0
  WHEN p.zone_sign = '' THEN NULL
  WHEN CAST(p.zone_hours AS INTEGER) > 14 OR CAST(coalesce(nullif(p.zone_minutes, ''), '0') AS INTEGER) > 59 THEN NULL
  ELSE (CASE p.zone_sign WHEN '-' THEN -1 ELSE 1 END)
     * (60 * CAST(p.zone_hours AS INTEGER) + CAST(coalesce(nullif(p.zone_minutes, ''), '0') AS INTEGER))
END;

-- The UTC instant of a time written with a zone, or NULL when it has none or cannot be read.
CREATE OR REPLACE TEMP MACRO parse_time_utc(t) AS
  time_parts_local(time_parts(t)) - to_minutes(time_parts_offset_minutes(time_parts(t)));

-- The wall-clock time of a time written without a zone, or NULL when it has one or cannot be read.
CREATE OR REPLACE TEMP MACRO parse_time_wall(t) AS CASE
  WHEN time_parts(t).zone_utc = '' AND time_parts(t).zone_sign = '' THEN time_parts_local(time_parts(t))
END;

-- True when the text is a time these macros accept, with or without a zone.
CREATE OR REPLACE TEMP MACRO is_readable_time(t) AS
  parse_time_utc(t) IS NOT NULL OR parse_time_wall(t) IS NOT NULL;

-- A duration in seconds (DOUBLE), NULL when it cannot be read. Accepted: whole or decimal seconds,
-- H:MM:SS (hours may exceed 24), D:HH:MM:SS, ISO 8601 days, hours, minutes and seconds (PT1H2M3S),
-- and M:SS (minutes may exceed 59) only when `minutes_seconds` is true, because otherwise 4:12
-- could as well be H:MM. H:MM:SS with at most 6 hour digits, the form of call logs, is tried first:
-- an interval cast reads it exactly, and 1,000,000 durations took 0.2 s instead of 1.0 s with the
-- regular expressions below (DuckDB-WASM 1.32.0 under Node).
CREATE OR REPLACE TEMP MACRO parse_duration_seconds(t, minutes_seconds) AS CASE
  WHEN regexp_full_match(trim(t), '\d{1,6}:[0-5]\d:[0-5]\d') THEN epoch(CAST(trim(t) AS INTERVAL))
  WHEN regexp_full_match(trim(t), '\d+(?:\.\d+)?') THEN CAST(trim(t) AS DOUBLE)
  WHEN regexp_full_match(trim(t), '\d+:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?') THEN
      86400 * CAST(regexp_extract(trim(t), '^(\d+):(\d+):(\d+):(.+)$', 1) AS DOUBLE)
    + 3600 * CAST(regexp_extract(trim(t), '^(\d+):(\d+):(\d+):(.+)$', 2) AS DOUBLE)
    + 60 * CAST(regexp_extract(trim(t), '^(\d+):(\d+):(\d+):(.+)$', 3) AS DOUBLE)
    + CAST(regexp_extract(trim(t), '^(\d+):(\d+):(\d+):(.+)$', 4) AS DOUBLE)
  WHEN regexp_full_match(trim(t), '\d+:[0-5]\d:[0-5]\d(?:\.\d+)?') THEN
      3600 * CAST(regexp_extract(trim(t), '^(\d+):(\d+):(.+)$', 1) AS DOUBLE)
    + 60 * CAST(regexp_extract(trim(t), '^(\d+):(\d+):(.+)$', 2) AS DOUBLE)
    + CAST(regexp_extract(trim(t), '^(\d+):(\d+):(.+)$', 3) AS DOUBLE)
  WHEN minutes_seconds AND regexp_full_match(trim(t), '\d+:[0-5]\d(?:\.\d+)?') THEN
      60 * CAST(regexp_extract(trim(t), '^(\d+):(.+)$', 1) AS DOUBLE)
    + CAST(regexp_extract(trim(t), '^(\d+):(.+)$', 2) AS DOUBLE)
  WHEN regexp_full_match(trim(t), '(?i)P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?')
    AND length(trim(t)) > 1 AND upper(right(trim(t), 1)) <> 'T' THEN
      86400 * coalesce(TRY_CAST(regexp_extract(trim(t), '(?i)(\d+)D', 1) AS DOUBLE), 0)
    + 3600 * coalesce(TRY_CAST(regexp_extract(trim(t), '(?i)(\d+)H', 1) AS DOUBLE), 0)
    + 60 * coalesce(TRY_CAST(regexp_extract(trim(t), '(?i)(\d+)M', 1) AS DOUBLE), 0)
    + coalesce(TRY_CAST(regexp_extract(trim(t), '(?i)(\d+(?:\.\d+)?)S', 1) AS DOUBLE), 0)
END;

-- A week of meetings (Monday 2026-05-04 to Sunday 2026-05-10). Times are UTC; New York is UTC-4 in
-- May. Meetings are named M1..M5 and Z9 in the comments, matching expected.txt.
INSERT INTO users (file_id, source_line, platform_id, extension, email, name, department, site, status, type) VALUES
  (1, 2, 'p101', '101', 'alice@example.com', 'Alice Adams', 'Sales', 'Boston', 'Enabled', 'User'),
  (1, 3, 'p007', '007', 'bob@example.com', 'Bob Brown', 'Support', 'Denver', 'Enabled', 'User'),
  (1, 4, 'p103', '103', 'carol@example.com', 'Carol Chen', 'Sales', 'Boston', 'NotActivated', 'User'),
  (1, 5, 'p104', '104', 'dan@example.com', 'Dan Dunn', 'Sales', 'Boston', 'Disabled', 'User');

INSERT INTO events (file_id, source_line, channel, kind, record_id, session_id, start_utc, user_platform_id,
                    user_name, role, duration_s) VALUES
  -- M1: Alice hosts for 30 minutes and joins; Bob joins twice (a reconnect); two guests without ids.
  (2, 1, 'video', 'record', 'host', 'M1', '2026-05-04 14:00:00', 'p101', 'Alice Adams', 'host', 1800),
  (2, 2, 'video', 'record', 'acc:p101', 'M1', '2026-05-04 14:00:00', 'p101', 'Alice Adams', 'participant', 1800),
  (2, 3, 'video', 'record', 'acc:p007', 'M1', '2026-05-04 14:00:00', 'p007', 'Bob Brown', 'participant', 1800),
  (2, 4, 'video', 'record', 'acc:p007', 'M1', '2026-05-04 14:00:00', 'p007', 'Bob Brown', 'participant', 1800),
  (2, 5, 'video', 'record', 'guest:1', 'M1', '2026-05-04 14:00:00', NULL, 'Guest', 'participant', 1800),
  (2, 6, 'video', 'record', 'guest:2', 'M1', '2026-05-04 14:00:00', NULL, 'Guest', 'participant', 1800),
  -- M1 again, from a second file of the same history.
  (3, 1, 'video', 'record', 'host', 'M1', '2026-05-04 14:00:00', 'p101', 'Alice Adams', 'host', 1800),
  (3, 2, 'video', 'record', 'acc:p007', 'M1', '2026-05-04 14:00:00', 'p007', 'Bob Brown', 'participant', 1800),
  -- M2: Bob hosts an hour without joining himself; Carol joins.
  (2, 7, 'video', 'record', 'host', 'M2', '2026-05-06 15:00:00', 'p007', 'Bob Brown', 'host', 3600),
  (2, 8, 'video', 'record', 'acc:p103', 'M2', '2026-05-06 15:00:00', 'p103', 'Carol Chen', 'participant', 3600),
  -- M3: disabled Dan hosts 10 minutes; Alice joins.
  (2, 9, 'video', 'record', 'host', 'M3', '2026-05-07 16:00:00', 'p104', 'Dan Dunn', 'host', 600),
  (2, 10, 'video', 'record', 'acc:p101', 'M3', '2026-05-07 16:00:00', 'p101', 'Alice Adams', 'participant', 600),
  -- M4: Alice hosts 15 minutes alone on Sunday 21:00 in New York, Monday 01:00 UTC.
  (2, 11, 'video', 'record', 'host', 'M4', '2026-05-11 01:00:00', 'p101', 'Alice Adams', 'host', 900),
  -- M5: Bob hosts on Sunday 22:00 in New York before the period.
  (2, 12, 'video', 'record', 'host', 'M5', '2026-05-04 02:00:00', 'p007', 'Bob Brown', 'host', 300);

INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_email, user_extension,
                    endpoint_raw, version, role, duration_s) VALUES
  -- Alice ran M1 from the Mac app and joined it from her iPhone too.
  (4, 2, 'video', 'usage', 'M1', '2026-05-04 14:00:10', 'alice@example.com', NULL, 'RingCentral for Mac', '24.10', 'host', 1800),
  (4, 3, 'video', 'usage', 'M1', '2026-05-04 14:05:00', 'alice@example.com', NULL, 'RingCentral iOS', '25.1', 'participant', 1500),
  -- Z9 is in no meeting history: a meeting of its own, 20 minutes, that Bob joined from the web app.
  (4, 4, 'video', 'usage', 'Z9', '2026-05-08 13:00:00', NULL, '007', 'RingCentral Web', '25.2.0', 'participant', 1200);

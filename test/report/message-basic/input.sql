-- A week of messages (Monday 2026-05-04 to Sunday 2026-05-10). Times are UTC; New York is UTC-4 in
-- May. Posts are named P1..P8 in the comments, matching expected.txt.
INSERT INTO users (file_id, source_line, platform_id, extension, email, name, department, site, status, type) VALUES
  (1, 2, 'p101', '101', 'alice@example.com', 'Alice Adams', 'Sales', 'Boston', 'Enabled', 'User'),
  (1, 3, 'p007', '007', 'bob@example.com', 'Bob Brown', 'Support', 'Denver', 'Enabled', 'User'),
  (1, 4, 'p103', '103', 'carol@example.com', 'Carol Chen', 'Sales', 'Boston', 'NotActivated', 'User'),
  (1, 5, 'p104', '104', 'dan@example.com', 'Dan Dunn', 'Sales', 'Boston', 'Disabled', 'User');

-- The messaging export names Carol by a member id of its own; its members file links it to her e-mail.
INSERT INTO identities (file_id, source_line, platform_id, extension, email, name) VALUES
  (5, 1, 'm-carol', NULL, 'carol@example.com', 'Carol Chen');

INSERT INTO events (file_id, source_line, channel, kind, record_id, session_id, start_utc, user_platform_id, attachments) VALUES
  -- P1: Alice in chat C1; the same post again from a second file (an edit, or an overlapping export).
  (2, 1, 'message', 'record', 'P1', 'C1', '2026-05-04 14:00:00', 'p101', 0),
  (3, 1, 'message', 'record', 'P1', 'C1', '2026-05-04 14:00:00', 'p101', 0),
  -- P2: Alice shares two files.
  (2, 2, 'message', 'record', 'P2', 'C1', '2026-05-05 14:00:00', 'p101', 2),
  -- P3: Bob in chat C2.
  (2, 3, 'message', 'record', 'P3', 'C2', '2026-05-05 15:00:00', 'p007', 0),
  -- P4: Carol, by her member id, shares a file on Saturday.
  (2, 4, 'message', 'record', 'P4', 'C2', '2026-05-09 16:00:00', 'm-carol', 1),
  -- P5: disabled Dan: an account message, but Dan is not in the population.
  (2, 5, 'message', 'record', 'P5', 'C3', '2026-05-06 13:00:00', 'p104', 0),
  -- P6: a creator nobody can identify.
  (2, 6, 'message', 'record', 'P6', 'C3', '2026-05-07 13:00:00', 'x-999', 0),
  -- P7: Alice on Sunday 22:00 in New York, Monday 02:00 UTC.
  (2, 7, 'message', 'record', 'P7', 'C1', '2026-05-11 02:00:00', 'p101', 0),
  -- P8: Bob on Sunday 23:00 in New York before the period.
  (2, 8, 'message', 'record', 'P8', 'C2', '2026-05-04 03:00:00', 'p007', 0);

INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_email, user_extension,
                    endpoint_raw, version) VALUES
  -- Alice wrote P2 in the Windows app.
  (4, 2, 'message', 'usage', 'P2', '2026-05-05 14:00:00', 'alice@example.com', NULL, 'RingCentral for Windows', '24.10'),
  -- A message in no export: a message of its own, from Bob's Android app.
  (4, 3, 'message', 'usage', NULL, '2026-05-08 12:00:00', NULL, '007', 'RingCentral Android', '25.1.1');

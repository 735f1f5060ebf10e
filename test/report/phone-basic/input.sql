-- A week of calls (Monday 2026-05-04 to Sunday 2026-05-10) for a small account. Times are UTC;
-- New York is UTC-4 in May. Each call is named S1..S11 in the comments, matching expected.txt.
INSERT INTO users (file_id, source_line, platform_id, extension, email, name, department, site, status, type) VALUES
  (1, 2, NULL, '101', 'Alice@Example.com', 'Alice Adams', 'Sales', 'Boston', 'Enabled', 'User'),
  (1, 3, NULL, '007', 'bob@example.com', 'Bob Brown', 'Support', 'Denver', 'Enabled', 'User'),
  (1, 4, NULL, '103', 'carol@example.com', 'Carol Chen', 'Sales', 'Boston', 'NotActivated', 'User'),
  (1, 5, NULL, '104', 'dan@example.com', 'Dan Dunn', 'Sales', 'Boston', 'Disabled', 'User'),
  (1, 6, NULL, '200', NULL, 'Sales Queue', NULL, 'Boston', 'Enabled', 'Department');

INSERT INTO events (file_id, source_line, channel, kind, record_id, session_id, start_utc,
                    user_extension, direction, result, duration_s, from_extension, to_extension) VALUES
  -- S1: Alice calls out, connected, 5 minutes; the same record again from a second file.
  (2, 1, 'phone', 'record', 'r1', 'S1', '2026-05-04 14:00:00', '101', 'Outbound', 'Call connected', 300, '101', NULL),
  (3, 1, 'phone', 'record', 'r1', 'S1', '2026-05-04 14:00:00', '101', 'Outbound', 'Call connected', 300, '101', NULL),
  -- S2: Alice calls Bob: an internal call, one record for each side.
  (2, 2, 'phone', 'record', 'r2a', 'S2', '2026-05-05 13:00:00', '101', 'Outbound', 'Call connected', 120, '101', '007'),
  (2, 3, 'phone', 'record', 'r2b', 'S2', '2026-05-05 13:00:00', '007', 'Inbound', 'Accepted', 120, '101', '007'),
  -- S3: an outside caller misses Bob.
  (2, 4, 'phone', 'record', 'r3', 'S3', '2026-05-05 15:00:00', '007', 'Inbound', 'MISSED', 0, NULL, '007'),
  -- S4: an outside call rings the queue (missed there) and Bob answers it, 10 minutes.
  (2, 5, 'phone', 'record', 'r4a', 'S4', '2026-05-06 16:00:00', '200', 'Inbound', 'Missed', 0, NULL, '200'),
  (2, 6, 'phone', 'record', 'r4b', 'S4', '2026-05-06 16:00:05', '007', 'Inbound', 'Accepted', 600, NULL, '007'),
  -- S5: an outside call to Alice goes to voicemail.
  (2, 7, 'phone', 'record', 'r5', 'S5', '2026-05-07 17:00:00', '101', 'Inbound', 'Voicemail', 30, NULL, '101'),
  -- S6: an outside caller hangs up in the queue.
  (2, 8, 'phone', 'record', 'r6', 'S6', '2026-05-07 18:00:00', '200', 'Inbound', 'Abandoned', 20, NULL, '200'),
  -- S7: Alice calls out on Saturday; nobody answers.
  (2, 9, 'phone', 'record', 'r7', 'S7', '2026-05-09 15:00:00', '101', 'Outbound', 'No Answer', 0, '101', NULL),
  -- S8: disabled Dan calls out, 1 minute: an account call, but Dan is not in the population.
  (2, 10, 'phone', 'record', 'r8', 'S8', '2026-05-08 14:00:00', '104', 'Outbound', 'Call connected', 60, '104', NULL),
  -- S9: Alice calls out with a result word the report does not know.
  (2, 11, 'phone', 'record', 'r9', 'S9', '2026-05-08 20:00:00', '101', 'Outbound', 'Reserved', 0, '101', NULL),
  -- S10: Alice calls out on Sunday 22:00 in New York, which is Monday 02:00 UTC.
  (2, 12, 'phone', 'record', 'r10', 'S10', '2026-05-11 02:00:00', '101', 'Outbound', 'Call connected', 30, '101', NULL),
  -- S11: Bob calls out on Sunday 23:30 in New York before the period, Monday 03:30 UTC.
  (2, 13, 'phone', 'record', 'r11', 'S11', '2026-05-04 03:30:00', '007', 'Outbound', 'Call connected', 45, '007', NULL);

INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_email, user_extension,
                    endpoint_raw, version, direction, result, duration_s) VALUES
  -- U1 names S1: Alice used the Windows app.
  (4, 2, 'phone', 'usage', 'S1', '2026-05-04 14:00:05', 'alice@example.com', NULL, 'RingCentral for Windows', '24.10', 'Outbound', NULL, 300),
  -- U2 names S2 for Bob: a desk phone.
  (4, 3, 'phone', 'usage', 'S2', '2026-05-05 13:00:01', NULL, '007', 'Polycom VVX 450', '6.4.3', 'Inbound', NULL, 120),
  -- U3 names no call-log call: a use of its own from the iOS app, 90 seconds; U4 is the same row in a
  -- second file.
  (4, 4, 'phone', 'usage', NULL, '2026-05-06 12:00:00', 'alice@example.com', NULL, 'RingCentral iOS', '25.1.10', 'Outbound', NULL, 90),
  (5, 2, 'phone', 'usage', NULL, '2026-05-06 12:00:00', 'alice@example.com', NULL, 'RingCentral iOS', '25.1.10', 'Outbound', NULL, 90);

INSERT INTO events (file_id, source_line, channel, kind, session_id, start_utc, user_email, user_extension,
                    endpoint_raw, version, direction, result, duration_s) VALUES
  -- U5 names S3, the call Bob missed, and says so: not a use.
  (4, 5, 'phone', 'usage', 'S3', '2026-05-05 15:00:00', NULL, '007', 'Polycom VVX 450', '6.4.3', 'Inbound', 'Missed', 0),
  -- U6 is a call in no call log that went to Carol's voicemail: a call of the account, not a use.
  (4, 6, 'phone', 'usage', 'S12', '2026-05-08 15:00:00', 'carol@example.com', NULL, 'RingCentral Web', '25.1', 'Inbound', 'Voicemail', 0);

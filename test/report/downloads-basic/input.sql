-- Three downloaded Phone workbooks of one account, without a users list. The report period is the
-- year 2026: h1.xlsx (January to June) and h2.xlsx (July to November) lie inside it and are summed;
-- dec.xlsx (December 2026 to February 2027) is cut by it and left out. Each user's Number of Calls
-- repeats on each of their rows, so it counts once per file. Calls per active user per week divides
-- by the weeks of h1 and h2 only (181 + 153 days): 68 calls / 4 active users / (334 / 7) = 0.356287.
INSERT INTO usage_totals (file_id, file_name, sheet, source_line, channel, period_from, period_to, time_zone,
                          user_name, user_extension, user_email, status, user_status, department, site,
                          endpoint, version, last_used_wall, usage_count, channel_count, host_count, participant_count) VALUES
  -- h1: Alice 40 calls (30 Windows, 10 desk phone), Bob 5 (iOS), Carol none.
  (2, 'h1.xlsx', 'User Table', 2, 'phone', '2026-01-01', '2026-06-30', NULL,
   'Alice Adams', '101', 'Alice@Example.com', 'Frequent', 'Active', 'Sales', 'Boston',
   'RingCentral app for Windows', '24.10', '2026-06-20 10:00:00', 30, 40, NULL, NULL),
  (2, 'h1.xlsx', 'User Table', 3, 'phone', '2026-01-01', '2026-06-30', NULL,
   'Alice Adams', '101', 'Alice@Example.com', 'Frequent', 'Active', 'Sales', 'Boston',
   'Desk phone', '6.4.3', '2026-06-25 09:00:00', 10, 40, NULL, NULL),
  (2, 'h1.xlsx', 'User Table', 4, 'phone', '2026-01-01', '2026-06-30', NULL,
   'Bob Brown', '007', 'bob@example.com', 'Regular', 'Active', 'Support', 'Denver',
   'RingCentral app for iOS', '25.1.10', '2026-05-01 08:00:00', 5, 5, NULL, NULL),
  (2, 'h1.xlsx', 'User Table', 5, 'phone', '2026-01-01', '2026-06-30', NULL,
   'Carol Chen', '103', 'carol@example.com', 'Never', 'Inactive', 'Sales', 'Boston',
   NULL, NULL, NULL, 0, 0, NULL, NULL),
  -- h2: Alice 12 (Windows, a newer version), Bob none, Carol 3 (Web), Dan 8 (desk phone, no e-mail).
  (3, 'h2.xlsx', 'User Table', 2, 'phone', '2026-07-01', '2026-11-30', NULL,
   'Alice Adams', '101', 'alice@example.com', 'Occasional', 'Active', 'Sales', 'Boston',
   'RingCentral app for Windows', '25.2.1', '2026-11-02 14:00:00', 12, 12, NULL, NULL),
  (3, 'h2.xlsx', 'User Table', 3, 'phone', '2026-07-01', '2026-11-30', NULL,
   'Bob Brown', '007', 'bob@example.com', 'Never', 'Inactive', 'Support', 'Denver',
   NULL, NULL, NULL, 0, 0, NULL, NULL),
  (3, 'h2.xlsx', 'User Table', 4, 'phone', '2026-07-01', '2026-11-30', NULL,
   'Carol Chen', '103', 'carol@example.com', 'Occasional', 'Active', 'Sales', 'Boston',
   'RingCentral app for Web', '25.3', '2026-09-09 09:30:00', 3, 3, NULL, NULL),
  (3, 'h2.xlsx', 'User Table', 5, 'phone', '2026-07-01', '2026-11-30', NULL,
   'Dan Dunn', '104', NULL, 'Regular', 'Active', 'Marketing', 'Austin',
   'Desk phone', '6.5.0', '2026-10-10 11:00:00', 8, 8, NULL, NULL),
  -- dec: cut by the period, so none of its 99 calls count.
  (4, 'dec.xlsx', 'User Table', 2, 'phone', '2026-12-01', '2027-02-28', NULL,
   'Alice Adams', '101', 'alice@example.com', 'Frequent', 'Active', 'Sales', 'Boston',
   'RingCentral app for Windows', '26.1', '2027-02-01 10:00:00', 99, 99, NULL, NULL);

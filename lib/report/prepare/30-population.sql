-- The population: with a users list, its people (person-like types) whose account is Enabled or Not
-- Activated, whether or not they used the channel; without one, the people seen in the channel's
-- events of the period, or in the rows of its downloads that the period contains (their Inactive rows
-- included). A list without a Status or Type column counts every row it has.
CREATE OR REPLACE TEMP TABLE population AS
SELECT p.*
FROM people AS p
CROSS JOIN report_params AS r
WHERE CASE
  WHEN r.has_directory THEN
    p.in_directory
    AND (p.status IS NULL OR p.status IN ('Enabled', 'NotActivated'))
    AND (p.type IS NULL OR lower(p.type) IN ('user', 'digital user', 'flexible user'))
  ELSE
    p.person_key IN (SELECT person_key FROM channel_events WHERE in_period AND person_key IS NOT NULL)
    OR p.person_key IN (SELECT person_key FROM download_totals WHERE person_key IS NOT NULL)
END;

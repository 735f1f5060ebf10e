-- The population: with a users list, its people (person-like types) whose account is Enabled or Not
-- Activated, whether or not they used the channel; without one, the people seen in the channel's
-- events of the period, or in the rows of its downloads that the period contains (their Inactive rows
-- included). A list without a Status or Type column counts every row it has.
--
-- Without a users list, a person whose e-mail is in another domain than the account's is a guest,
-- not a user. The account's domains are those shared by the most members of a messaging export (all
-- domains tied for most). When no member has an e-mail, this rule leaves no one out.
CREATE OR REPLACE TEMP TABLE account_domains AS
WITH member_domains AS (
  SELECT lower(split_part(trim(email), '@', 2)) AS domain, count(*) AS members
  FROM identities
  WHERE trim(email) LIKE '%_@_%'
  GROUP BY 1
)
SELECT domain FROM member_domains WHERE members = (SELECT max(members) FROM member_domains);

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
    (
      p.person_key IN (SELECT person_key FROM channel_events WHERE in_period AND person_key IS NOT NULL)
      AND (
        p.email NOT LIKE '%_@_%'
        OR NOT EXISTS (SELECT 1 FROM account_domains)
        OR lower(split_part(p.email, '@', 2)) IN (SELECT domain FROM account_domains)
      )
    )
    -- A download lists only its account's users, so the e-mail domain rule does not apply to them.
    OR p.person_key IN (SELECT person_key FROM download_totals WHERE person_key IS NOT NULL)
END;

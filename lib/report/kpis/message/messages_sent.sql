-- label: Messages sent
-- unit: messages
-- order: 100
-- definition: Messages posted in the period (text posts and posts with only attachments; system posts and deleted posts excluded); an edited post counts once.
SELECT count(*) AS value FROM message_period_posts;

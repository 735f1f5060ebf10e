-- label: Files shared
-- unit: messages
-- order: 130
-- definition: Messages of the period with at least one attachment.
SELECT count(*) AS value FROM message_period_posts WHERE attachments > 0;

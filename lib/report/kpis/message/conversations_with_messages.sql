-- label: Conversations with messages
-- unit: conversations
-- order: 120
-- definition: Distinct chats (direct, group and team conversations) with at least one message in the period.
SELECT count(DISTINCT chat_id) AS value FROM message_period_posts;

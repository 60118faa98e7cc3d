-- The media gallery (issue 9): the messages that carry a file, newest first per conversation.
-- A partial index (only messages with an attachment: about 1 in 100 in a typical chat) makes
-- a chat's gallery a short backward index scan and the library's a lookup per conversation.
-- Forward-only: never edit after it lands; add 00009_… instead.
create index messages_attachment_idx on messages (conversation_id, at, seq)
  where attachment is not null;

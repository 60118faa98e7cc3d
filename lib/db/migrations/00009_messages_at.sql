-- Intentionally empty (this number briefly held an index on messages (conversation_id, at, seq)
-- for jump-to-date in the reader's zone; it cost 1.5–3.5 s of a 1M-message import's COPY).
-- Jump-to-date now turns the reader's midnight into the chat's wall clock and uses
-- messages_date_idx (lib/db/messages.ts seqOnOrAfter). Forward-only: never edit after it lands.
select 1;

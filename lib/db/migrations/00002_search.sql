-- Reading at scale: full-text search over message text and the index behind jump-to-date.
-- Forward-only: never edit after it lands; add 00003_… instead.

-- Language-neutral and accent-insensitive: the 'simple' configuration (no stemming, no stop
-- words) with the unaccent dictionary in front of it for words with non-ASCII letters. A
-- configuration rather than an unaccent() wrapper, so that ts_headline, given the same
-- configuration, highlights "Café" for the query "cafe". `to_tsvector(regconfig, text)` is
-- IMMUTABLE, as a stored generated column needs.
create text search configuration simple_unaccent (copy = simple);
alter text search configuration simple_unaccent
  alter mapping for word, hword, hword_part with unaccent, simple;

-- Stored (not an expression index): the planner then has per-lexeme statistics for the column
-- and tells a rare word (GIN bitmap scan) from a common one (walk the newest rows by date and
-- stop at the limit). Without this a rare word took seconds on 1M rows (STACK-NOTES).
alter table messages add column tsv tsvector
  generated always as (to_tsvector('public.simple_unaccent'::regconfig, text)) stored;
create index messages_tsv_idx on messages using gin (tsv);
alter table messages alter column tsv set statistics 10000;

-- Jump to a date (the first message on or after a day) and search results newest first
-- within a conversation, optionally in a date range: one index probe or ordered scan.
create index messages_date_idx on messages (conversation_id, date, seq);

analyze messages;

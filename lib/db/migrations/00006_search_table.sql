-- Search off the import's critical path (issue 7): the full-text index moves from a generated
-- column of `messages` into its own table, filled right after an import commits
-- (lib/db/search_index.ts). Keeping `to_tsvector` and the GIN index inside the import's
-- transaction cost 9 of 15.4 s of PostgreSQL CPU for 1M messages (bench/RESULTS.md).
-- Forward-only: never edit after it lands; add 00007_… instead.

-- One row per message, keyed by `ref` (stable across merges, which renumber `seq`). `date` is
-- here so that a common word walks the newest rows of a conversation without touching
-- `messages`; the hit is joined back to `messages` by (conversation_id, ref).
-- No primary key: rows are only ever written by rebuildSearchIndex (delete + insert … select
-- from messages, whose refs are unique), and every extra index slows that rebuild.
create table message_search (
  conversation_id uuid not null references conversations (id) on delete cascade,
  ref int not null,
  date timestamp not null,
  tsv tsvector not null
);

-- Which conversations are indexed. No row: not yet (a fresh import, a re-import, a merge in
-- progress), and search says so. A table of its own rather than a column of `conversations`,
-- whose every update bumps the version behind the pages' ETags.
create table message_search_state (
  conversation_id uuid primary key references conversations (id) on delete cascade,
  rows int not null,
  indexed_at timestamptz not null default now()
);

-- What 00002 computed, carried over (the column was to_tsvector(simple_unaccent, text)).
insert into message_search (conversation_id, ref, date, tsv)
  select conversation_id, ref, date, tsv from messages;
insert into message_search_state (conversation_id, rows)
  select c.id, (select count(*) from messages m where m.conversation_id = c.id)
  from conversations c;

-- The plans of 00002, on the new table: per-lexeme statistics (a rare word takes the GIN
-- bitmap scan, a common one walks the date index newest first and stops at the limit).
create index message_search_tsv_idx on message_search using gin (tsv);
alter table message_search alter column tsv set statistics 10000;
create index message_search_date_idx on message_search (conversation_id, date, ref);

drop index messages_tsv_idx;
alter table messages drop column tsv;

analyze message_search;

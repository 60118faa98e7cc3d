-- The library (issue 9): stable message references, instants, the sources of a fused
-- conversation, per-import parse settings, retention and redacted shares.
-- Forward-only: never edit after it lands; add 00006_… instead.

-- `seq` is a message's position in the timeline and changes when another export is merged in;
-- `ref` never changes: permalinks (/c/:id/m/:ref) and share ranges point at it. An import
-- writes ref = seq; a merge keeps the refs it has and numbers new messages after max(ref).
alter table messages add column ref int;
update messages set ref = seq;
alter table messages alter column ref set not null;
create unique index messages_ref_idx on messages (conversation_id, ref);

-- The instant of a message: its wall clock (`date`) read in the zone of the phone that
-- exported it (imports.time_zone), DST folds settled by file order (lib/time/zone.ts).
alter table messages add column at timestamptz;
update messages set at = date at time zone 'UTC';
alter table messages alter column at set not null;

-- What the user said at upload: the phone's IANA zone, and a date order that overrides
-- detection (null: detected). `parser_version` is the parser that produced the rows, so a
-- parser upgrade re-parses stored originals (worker/reparse.ts).
alter table imports add column time_zone text not null default 'UTC';
alter table imports add column date_order text check (date_order in ('DMY', 'MDY', 'YMD'));
alter table imports add column parser_version int not null default 1;
-- The conversation this export is to be fused into (null: it becomes a conversation of its own).
alter table imports add column merge_into uuid references conversations (id) on delete set null;

-- The zone the conversation's wall clocks are in (from its first import), retention, and the
-- zone the owner reads in (null: the conversation's own).
alter table conversations add column time_zone text not null default 'UTC';
alter table conversations add column retention_days int check (retention_days > 0);
alter table conversations add column delete_after timestamptz;
create index conversations_delete_after_idx on conversations (delete_after)
  where delete_after is not null;
alter table users add column reading_zone text;

-- Every export fused into a conversation (one row for a plain import): the coverage timeline.
create table conversation_sources (
  conversation_id uuid not null references conversations (id) on delete cascade,
  import_id uuid not null references imports (id) on delete cascade,
  first_date timestamp,
  last_date timestamp,
  message_count int not null,
  -- messages this export added that the conversation did not have yet
  added_count int not null,
  media_count int not null default 0,
  created_at timestamptz not null default now(),
  primary key (conversation_id, import_id)
);

-- shares.from_seq/to_seq hold refs from now on (equal to seqs until a merge): a range is the
-- messages between the two referenced ones in the current timeline.
-- A redacted share: participants pseudonymised, phone numbers masked, media hidden.
alter table shares add column redacted boolean not null default false;

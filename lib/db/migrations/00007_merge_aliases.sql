-- Merging exports (issue 9): a conversation merged into another is deleted, but links to it
-- keep working. `/c/<old>/…` redirects to the fused conversation, and `/c/<old>/m/<ref>` to
-- the same message there (its ref in the fused conversation).
-- Forward-only: never edit after it lands; add 00008_… instead.

create table conversation_aliases (
  old_id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  -- A later merge of the fused conversation moves its aliases along (lib/merge/merge.ts).
  conversation_id uuid not null references conversations (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index conversation_aliases_conversation_idx on conversation_aliases (conversation_id);

-- Every message of a merged-away conversation: its ref there → its ref in the fused one.
create table message_aliases (
  old_id uuid not null references conversation_aliases (old_id) on delete cascade,
  old_ref int not null,
  ref int not null,
  primary key (old_id, old_ref)
);

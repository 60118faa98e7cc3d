-- Personal API tokens, share links, and the version bump behind conversation ETags.
-- Forward-only: never edit after it lands; add 00004_… instead.

-- A token is `wcr_` + 32 random bytes (base64url), shown once. Only its SHA-256 is stored: a
-- token of 256 random bits cannot be brute-forced, so a slow password hash would buy nothing.
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash bytea not null unique,
  -- the first characters of the token, to tell tokens apart in the list
  hint text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id, created_at desc);

-- A read-only link to a conversation or to the messages from_seq..to_seq (null: open end).
-- The link carries the id and an HMAC of it; the row is checked on every request, so revoking
-- (revoked_at) or deleting the conversation ends the link at once at the origin.
create table shares (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references conversations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  from_seq int check (from_seq >= 1),
  to_seq int check (to_seq >= 1),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  check (from_seq is null or to_seq is null or from_seq <= to_seq)
);
create index shares_conversation_idx on shares (conversation_id, created_at desc);
create index shares_user_idx on shares (user_id, created_at desc);

-- Every change to a conversation row bumps its version (unless the statement set it itself),
-- so ETags derived from (id, version, updated_at) change with it: view-as, merge, re-import.
create function conversations_bump_version() returns trigger
language plpgsql as $$
begin
  if new.version = old.version then
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  return new;
end
$$;
create trigger conversations_bump_version
  before update on conversations
  for each row when (old.* is distinct from new.*)
  execute function conversations_bump_version();

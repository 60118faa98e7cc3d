-- Foundation schema: accounts, sessions, imports, conversations, participants, messages, media.
-- Forward-only: never edit after it lands; add 00002_… instead.

create extension if not exists unaccent;

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  password_hash text not null,
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

-- Server-side record of every session JWT (claim `sid`): logout and account deletion revoke it.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

-- A conversation's id is the id of the import that created it (idempotent re-delivery).
create table conversations (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  title text not null,
  message_count int not null default 0,
  first_date timestamp,
  last_date timestamp,
  view_as text,
  -- bumped on every change; the ETag of pages and API answers derives from it
  version int not null default 1,
  summary jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index conversations_user_idx on conversations (user_id, last_date desc nulls last);

create table imports (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  status text not null default 'queued'
    check (status in ('queued', 'processing', 'done', 'failed')),
  progress real not null default 0,
  error text,
  filename text not null,
  size bigint not null,
  sha256 text not null,
  blob_key text not null,
  conversation_id uuid references conversations (id) on delete set null,
  attempts int not null default 0,
  summary jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index imports_user_idx on imports (user_id, created_at desc);

create table participants (
  conversation_id uuid not null references conversations (id) on delete cascade,
  name text not null,
  message_count int not null default 0,
  first_seq int not null,
  primary key (conversation_id, name)
);

-- Messages in file order: seq counts from 1; `date` is the wall-clock time of the export.
create table messages (
  conversation_id uuid not null references conversations (id) on delete cascade,
  seq int not null,
  date timestamp not null,
  author text,
  text text not null,
  kind text not null,
  attachment text,
  edited boolean not null default false,
  primary key (conversation_id, seq)
);

-- Media files of a .zip export, stored in the blob store under the conversation.
create table media (
  conversation_id uuid not null references conversations (id) on delete cascade,
  name text not null,
  blob_key text not null,
  size bigint not null,
  content_type text not null,
  primary key (conversation_id, name)
);

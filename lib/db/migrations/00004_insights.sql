-- Insights (`/c/:id/insights`): aggregates filled by refreshInsights (lib/insights/refresh.ts)
-- inside the import transaction, so that the page of a 1M-message chat reads a few thousand
-- small rows and never the messages. Filters (days, authors, the session gap) are applied to
-- these rows at read time. System messages are left out everywhere.
-- Forward-only: never edit after it lands; add 00005_… instead.

-- One row per (conversation, day, author): the totals, months, heatmap and calendar are sums
-- of these. `hNN` counts the messages sent at hour NN (wall clock of the export): 24 columns
-- rather than an array, whose subscripts cost a deconstruction each when summed.
create table insights_days (
  conversation_id uuid not null references conversations (id) on delete cascade,
  day date not null,
  author text not null,
  messages int not null,
  words int not null default 0,
  emoji int not null default 0,
  links int not null default 0,
  deleted int not null default 0,
  media_image int not null default 0,
  media_video int not null default 0,
  media_audio int not null default 0,
  media_voice int not null default 0,
  media_sticker int not null default 0,
  media_document int not null default 0,
  media_contact int not null default 0,
  media_location int not null default 0,
  media_other int not null default 0,
  h00 int not null default 0,
  h01 int not null default 0,
  h02 int not null default 0,
  h03 int not null default 0,
  h04 int not null default 0,
  h05 int not null default 0,
  h06 int not null default 0,
  h07 int not null default 0,
  h08 int not null default 0,
  h09 int not null default 0,
  h10 int not null default 0,
  h11 int not null default 0,
  h12 int not null default 0,
  h13 int not null default 0,
  h14 int not null default 0,
  h15 int not null default 0,
  h16 int not null default 0,
  h17 int not null default 0,
  h18 int not null default 0,
  h19 int not null default 0,
  h20 int not null default 0,
  h21 int not null default 0,
  h22 int not null default 0,
  h23 int not null default 0,
  primary key (conversation_id, day, author)
);

-- Messages that followed a silence of at least an hour (since the previous authored message),
-- by the silence's whole hours; gap_hours null is the chat's first message. The conversation
-- starters for a gap of N hours are the rows with gap_hours >= N or null.
create table insights_starts (
  conversation_id uuid not null references conversations (id) on delete cascade,
  day date not null,
  author text not null,
  gap_hours int,
  n int not null
);
create index insights_starts_idx on insights_starts (conversation_id, day);

-- Replies: messages whose previous authored message is someone else's, by whole minutes since
-- it (under a week), as exact histograms at three grains: 'a' the whole chat (period
-- '-infinity'), 'm' a month (period: its first day), 'd' a day. A date filter reads the months
-- it covers whole and the days of the months it cuts.
create table insights_replies (
  conversation_id uuid not null references conversations (id) on delete cascade,
  grain "char" not null check (grain in ('a', 'm', 'd')),
  period date not null,
  author text not null,
  minutes int not null,
  n int not null,
  primary key (conversation_id, grain, period, author, minutes)
);

-- Monologues: runs of two or more consecutive authored messages by one author.
create table insights_runs (
  conversation_id uuid not null references conversations (id) on delete cascade,
  start_seq int not null,
  author text not null,
  length int not null,
  first_date timestamp not null,
  last_date timestamp not null
);
create index insights_runs_length_idx on insights_runs (conversation_id, length desc, start_seq);
create index insights_runs_author_idx on insights_runs (conversation_id, author, length desc);

-- Most used terms per author: kind 'e' emoji, 'w' words (stop words removed), 'd' link
-- domains; grains as in insights_replies, pruned to the 200 most used per whole chat or month
-- and 30 per day (so long-tail counts are approximate, the leaders exact in practice).
create table insights_terms (
  conversation_id uuid not null references conversations (id) on delete cascade,
  grain "char" not null check (grain in ('a', 'm', 'd')),
  period date not null,
  author text not null,
  kind "char" not null check (kind in ('e', 'w', 'd')),
  term text not null,
  n int not null,
  primary key (conversation_id, grain, period, author, kind, term)
);

-- Conversations whose insights were computed, and by which format of the computation: an older
-- format (or none, for chats imported before this migration) is recomputed on first view.
create table insights_state (
  conversation_id uuid primary key references conversations (id) on delete cascade,
  format int not null,
  refreshed_at timestamptz not null default now()
);

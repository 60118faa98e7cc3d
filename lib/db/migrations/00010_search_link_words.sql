-- Words inside links, e-mail addresses and markup become searchable (session 4, exploratory QA):
-- PostgreSQL's parser reads `https://example.com/path`, `ann@example.com` and `<b>` as url, host,
-- email and tag tokens, so `example`, `path` or `script` found nothing. `message_tsv` adds, for a
-- text with such tokens, the words of the same text with its punctuation turned into spaces;
-- the tokens as written stay (a search for `example.com` or the whole address still matches).
-- `message_search_state.tsv_version` says which definition built a conversation's rows: the
-- worker's sweep rebuilds older ones in the background, while search keeps using them.
-- Forward-only: never edit after it lands; add 00011_… instead.

create function message_tsv(body text) returns tsvector
  language sql immutable parallel safe
  as $$
    select case
      when body ~ '[@/<>]|[^[:space:][:punct:]]\.[^[:space:][:punct:]]'
        then to_tsvector('public.simple_unaccent', body) ||
          to_tsvector('public.simple_unaccent', regexp_replace(body, '[[:punct:]]+', ' ', 'g'))
      else to_tsvector('public.simple_unaccent', body)
    end
  $$;

alter table message_search_state add column tsv_version int not null default 1;

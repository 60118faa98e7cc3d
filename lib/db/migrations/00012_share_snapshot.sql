-- A share shows the messages its owner could see when sharing, never more. A merge keeps every
-- ref and numbers the messages it adds after max(ref); those that fall inside a shared range
-- (another export's messages of the same stretch of the chat) appeared on the shared page
-- although the owner never saw them there. `max_ref` is the conversation's highest ref when the
-- share was made: a shared page shows only messages with `ref <= max_ref`. A re-import renumbers
-- refs from 1 and sets it to the new count (worker/import_chat.ts). Shares made before this
-- migration get today's highest ref: what a merge added before now cannot be told apart.
-- Forward-only: never edit after it lands; add 00013_… instead.
alter table shares add column max_ref int;
update shares s set max_ref = coalesce(
  (select max(m.ref) from messages m where m.conversation_id = s.conversation_id), 0);
alter table shares alter column max_ref set not null;

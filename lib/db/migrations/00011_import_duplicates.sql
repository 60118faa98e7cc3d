-- Re-uploading a file already imported made a second conversation, offered as a merge
-- ("overlapping dates"). An upload is now matched by its content: imports.sha256, the SHA-256
-- of the upload, stored since 00001 (a direct upload to S3 gets it in the worker, which reads
-- the whole file anyway). The index serves that lookup per user. `duplicate_of` records, on
-- an import refused because it repeats an earlier one (a direct upload, found only once the
-- worker hashed it), the import it repeats.
-- Forward-only: never edit after it lands; add 00012_… instead.
create index imports_user_sha256_idx on imports (user_id, sha256);
alter table imports add column duplicate_of uuid references imports (id) on delete set null;

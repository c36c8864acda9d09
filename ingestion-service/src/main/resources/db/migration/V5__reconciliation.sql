-- Issue 21 point 3: reconciliation with the platforms. Which platform item (and author) a copy is of, sealed under the
-- inbox key and bound to its item_key, so that the platform can be asked whether it still exists; and when it was last
-- asked, so that each run checks the items checked longest ago first. Rows stored before have none and are not checked.
alter table interaction add column item_ref text;
alter table interaction add column reconciled_at timestamptz;

create index interaction_reconciliation on interaction (channel, reconciled_at nulls first) where item_ref is not null;

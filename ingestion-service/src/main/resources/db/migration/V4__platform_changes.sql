-- Issue 21: deletions and edits follow the source, and a revoked authorisation stops intake.

-- Which platform item an interaction is a copy of: a keyed digest (inbox key) of channel and item id, never the id,
-- so that a later edit or removal at the source finds the copy. Rows stored before have none and are not found.
alter table interaction add column item_key text;

create index interaction_item on interaction (item_key) where item_key is not null;

-- Platform accounts whose user took the app's authorisation back (X's user_event revoke): a keyed digest of the
-- account id (inbox key) and when; later deliveries for the account are acknowledged and not stored.
create table revoked_account (
    platform    text        not null check (platform in ('META', 'LINKEDIN', 'X')),
    account_key text        not null,
    revoked_at  timestamptz not null,
    primary key (platform, account_key)
);

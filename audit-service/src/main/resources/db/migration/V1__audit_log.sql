-- The append-only log: an RFC 6962 Merkle tree over canonical event bytes.

-- One row: the tree size. Every append locks it (select ... for update), which serialises appends across
-- requests and replicas, and moves it in the same transaction as the entries and subtrees it adds.
create table tree_head (
    id   smallint primary key check (id = 1),
    size bigint   not null check (size >= 0)
);
insert into tree_head (id, size) values (1, 0);

-- The leaves. leaf_data is the record (the exact canonical bytes hashed); event_id and subject_ref are
-- copies for lookups, and verification checks them against leaf_data.
create table log_entry (
    idx         bigint primary key check (idx >= 0),
    event_id    text   not null unique,
    subject_ref text,
    leaf_data   bytea  not null,
    leaf_hash   bytea  not null
);
create index log_entry_subject on log_entry (subject_ref, idx) where subject_ref is not null;

-- Every complete perfect subtree above the leaves: (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).
-- About one row per leaf; a root or a proof reads O(log n) of them.
create table merkle_node (
    level smallint not null check (level between 1 and 62),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null,
    primary key (level, idx)
);

-- Signed tree heads, at most one per size: replicas that sign the same head keep the first.
create table signed_checkpoint (
    tree_size  bigint      primary key check (tree_size >= 0),
    root_hash  bytea       not null,
    created_at timestamptz not null,
    note       text        not null,
    signature  bytea       not null,
    key_id     text        not null
);

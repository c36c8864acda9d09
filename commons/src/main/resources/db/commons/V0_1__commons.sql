-- Tables every service holds: subject data keys, its own wrapped keys, and the transactional outbox.

create table subject_key (
    subject_id  uuid primary key,
    wrapped_dek text        not null,
    created_at  timestamptz not null
);

create table managed_key (
    name        text primary key,
    wrapped_key text        not null,
    public_key  text,
    created_at  timestamptz not null
);

create table outbox_message (
    id              uuid primary key,
    destination     text        not null,
    idempotency_key text        not null,
    payload         text        not null,
    attempts        integer     not null,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    unique (destination, idempotency_key)
);

create index outbox_message_due on outbox_message (next_attempt_at);

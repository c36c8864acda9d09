-- ingestion-service: the inbox of raw deliveries, the CRM (contacts and interactions, encrypted under each
-- subject's data key), consent changes heard from consent-service, imports and Meta deletion callbacks.

-- Bulk imports: each line becomes an inbox delivery; progress is counted as the worker processes them.
create table import_job (
    id           uuid primary key,
    platform     text        not null check (platform in ('META', 'LINKEDIN', 'X')),
    gpc          boolean     not null,
    lines        integer     not null,
    accepted     integer     not null,
    processed    integer     not null default 0,
    stored       integer     not null default 0,
    denied       integer     not null default 0,
    skipped      integer     not null default 0,
    duplicates   integer     not null default 0,
    created_by   text        not null,
    created_at   timestamptz not null,
    completed_at timestamptz
);

-- A delivery is acknowledged once it is here, encrypted under the service's inbox key. The worker claims
-- due rows with SKIP LOCKED and deletes them in the transaction that stores their events. digest is an
-- HMAC of the raw body: a replayed delivery is acknowledged and not stored twice.
create table inbox_delivery (
    id              uuid primary key,
    platform        text        not null check (platform in ('META', 'LINKEDIN', 'X')),
    digest          text        not null,
    payload         bytea       not null,
    import_id       uuid references import_job (id) on delete cascade,
    gpc             boolean     not null default false,
    received_at     timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        integer     not null default 0,
    last_error      text,
    unique (platform, digest)
);

create index inbox_delivery_due on inbox_delivery (next_attempt_at);
create index inbox_delivery_age on inbox_delivery (received_at);

-- Platform event ids already processed (as HMACs, not the ids): an event delivered again is dropped.
create table processed_event (
    event_key    text primary key,
    processed_at timestamptz not null
);

create index processed_event_age on processed_event (processed_at);

-- A person known to the CRM, by consent-service's pseudonymous subject id. restricted is Art. 18.
create table crm_subject (
    subject_id             uuid primary key,
    restricted             boolean     not null default false,
    restriction_changed_at timestamptz,
    first_seen_at          timestamptz not null,
    last_seen_at           timestamptz not null
);

-- Contact data, kept per purpose: it is read only for the purpose it was collected for (Art. 5(1)(b)),
-- and deleted with that purpose's consent or retention.
create table contact_field (
    subject_id       uuid        not null,
    purpose          text        not null,
    field            text        not null check (field in ('NAME', 'HANDLE', 'EMAIL', 'PHONE')),
    value_encrypted  text        not null,
    legal_basis      text        not null,
    consent_event_id uuid,
    updated_at       timestamptz not null,
    retain_until     timestamptz not null,
    primary key (subject_id, purpose, field)
);

create index contact_field_retention on contact_field (retain_until);

-- One social interaction. content_encrypted is a JSON object of the fields the purpose allows (and the
-- platform ids of the page, post or form involved), under the subject's data key. restricted marks data
-- stored while the subject's processing was restricted: it is kept but never used.
create table interaction (
    id                uuid primary key,
    subject_id        uuid        not null,
    purpose           text        not null,
    legal_basis       text        not null,
    consent_event_id  uuid,
    channel           text        not null,
    kind              text        not null,
    categories        text        not null,
    content_encrypted text        not null,
    restricted        boolean     not null,
    source            text        not null check (source in ('WEBHOOK', 'IMPORT')),
    occurred_at       timestamptz not null,
    stored_at         timestamptz not null,
    retain_until      timestamptz not null
);

create index interaction_subject on interaction (subject_id, purpose, occurred_at);
create index interaction_retention on interaction (retain_until);

-- The latest consent change heard per subject and purpose (POST /internal/v1/consent-changes). Events in
-- flight when a withdrawal arrives are checked against it, under an advisory lock on the pair.
create table consent_change (
    subject_id  uuid        not null,
    purpose     text        not null,
    state       text        not null check (state in ('GRANTED', 'WITHDRAWN', 'DENIED')),
    event_id    uuid        not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null,
    primary key (subject_id, purpose)
);

-- Meta data deletion callbacks, until dsr-service has the erasure request. The user id is kept only
-- encrypted under the inbox key, and only until it has been handed over.
create table deletion_request (
    confirmation_code text primary key,
    digest            text        not null unique,
    user_id_encrypted bytea,
    status            text        not null check (status in ('RECEIVED', 'OPENED', 'VERIFIED')),
    dsr_request_id    uuid,
    dsr_status        text,
    received_at       timestamptz not null,
    updated_at        timestamptz not null,
    next_attempt_at   timestamptz not null,
    attempts          integer     not null default 0
);

create index deletion_request_due on deletion_request (next_attempt_at);

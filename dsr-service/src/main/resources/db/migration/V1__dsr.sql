-- dsr-service: data subject requests, the identifiers and codes that verify them, one task per system and
-- step, the Art. 15/20 packages and the Art. 19 record of recipients notified.

-- Free text and corrected values are encrypted under the request's own data key (subject_key, keyed by the
-- request id). The record itself is kept after the request closes: it is the evidence of the answer (Art. 5(2)).
create table dsr_request (
    id                              uuid primary key,
    type                            text        not null check (type in ('ACCESS', 'PORTABILITY', 'RECTIFICATION',
                                                                         'ERASURE', 'RESTRICTION', 'OBJECTION')),
    status                          text        not null check (status in ('RECEIVED', 'VERIFIED', 'IN_PROGRESS',
                                                                           'COMPLETED', 'REJECTED')),
    channel                         text,
    details_encrypted               text,
    rectification_encrypted         text,
    subject_id                      uuid,
    subject_resolution              text        not null check (subject_resolution in ('PENDING', 'FOUND', 'NONE')),
    received_at                     timestamptz not null,
    original_due_at                 timestamptz not null,
    due_at                          timestamptz not null,
    extended                        boolean     not null default false,
    extension_reason_encrypted      text,
    extended_at                     timestamptz,
    extended_by                     text,
    verification_method             text check (verification_method in ('OPERATOR_ATTESTED', 'EMAIL_CODE', 'PLATFORM_SIGNED')),
    verification_evidence_encrypted text,
    verified_at                     timestamptz,
    verified_by                     text,
    outcome                         text check (outcome in ('FULFILLED', 'PARTIALLY_FULFILLED', 'NO_DATA_HELD',
                                                            'REFUSED', 'CLOSED_UNVERIFIED')),
    closing_reason_encrypted        text,
    closed_at                       timestamptz,
    closed_by                       text,
    overdue_notified_at             timestamptz,
    filed_by                        text        not null,
    created_at                      timestamptz not null,
    updated_at                      timestamptz not null,
    version                         integer     not null default 0
);

create index dsr_request_status_due on dsr_request (status, due_at);
create index dsr_request_received on dsr_request (received_at desc, id);
create index dsr_request_subject on dsr_request (subject_id);

-- Found by blind index (HMAC over type and normalised value), never by plaintext (DESIGN §3).
create table dsr_request_identifier (
    id              uuid primary key,
    request_id      uuid    not null references dsr_request (id) on delete cascade,
    position        integer not null,
    type            text    not null check (type in ('EMAIL', 'PHONE', 'FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'X')),
    blind_index     text    not null,
    value_encrypted text    not null,
    unique (request_id, position)
);

create index dsr_request_identifier_blind_index on dsr_request_identifier (blind_index);

-- At most one live code per request; a new code replaces the old one.
create table dsr_verification_code (
    request_id uuid primary key references dsr_request (id) on delete cascade,
    code_hash  text        not null,
    salt       text        not null,
    expires_at timestamptz not null,
    attempts   integer     not null,
    sent_at    timestamptz not null
);

-- The work of a request, persisted so that it survives a restart; one row per step and system, so that
-- planning twice cannot duplicate a call.
create table dsr_task (
    id                   uuid primary key,
    request_id           uuid        not null references dsr_request (id) on delete cascade,
    step                 text        not null check (step in ('RESOLVE', 'EXPORT', 'ERASE', 'RESTRICT', 'RECTIFY',
                                                              'HISTORY', 'PURPOSES', 'WITHDRAW_MARKETING')),
    participant          text        not null,
    status               text        not null check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    attempts             integer     not null default 0,
    next_attempt_at      timestamptz not null,
    lease_until          timestamptz,
    last_error           text,
    result               text,
    result_encrypted     text,
    needs_input_notified boolean     not null default false,
    completed_at         timestamptz,
    created_at           timestamptz not null,
    unique (request_id, step, participant)
);

create index dsr_task_due on dsr_task (next_attempt_at) where status in ('PENDING', 'RUNNING');
create index dsr_task_request on dsr_task (request_id);

-- The package is encrypted under a key of its own, which is encrypted under the request's data key.
create table dsr_export (
    request_id            uuid primary key references dsr_request (id) on delete cascade,
    content_encrypted     bytea       not null,
    content_key_encrypted text        not null,
    sha256                text        not null,
    size_bytes            bigint      not null,
    created_at            timestamptz not null,
    expires_at            timestamptz not null
);

create index dsr_export_expiry on dsr_export (expires_at);

-- Art. 19: who was told about a rectification, erasure or restriction, for which purposes.
create table dsr_recipient_notification (
    id          uuid primary key,
    request_id  uuid        not null references dsr_request (id) on delete cascade,
    recipient   text        not null,
    purposes    text        not null,
    notified_at timestamptz not null,
    unique (request_id, recipient)
);

-- Operator e-mail notifications waiting to be sent (the outbox carries the webhook ones). No personal data:
-- the request id, type, status and due date only.
create table dsr_operator_mail (
    id              uuid primary key,
    subject         text        not null,
    body            text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null
);

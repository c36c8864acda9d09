-- consent-service: subjects and their identifiers, the Art. 30 register of purposes, consent events.

-- A data subject is only a pseudonymous id here; what identifies them lives in subject_identifier.
create table subject (
    id                     uuid primary key,
    restricted             boolean     not null default false,
    restriction_changed_at timestamptz,
    created_at             timestamptz not null
);

-- Identifiers are found by blind index (HMAC over type and normalised value) and stored only encrypted
-- under the subject's data key (DESIGN §3). One identifier belongs to at most one subject.
create table subject_identifier (
    id              uuid primary key,
    subject_id      uuid        not null references subject (id) on delete cascade,
    type            text        not null check (type in ('EMAIL', 'PHONE', 'FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'X')),
    blind_index     text        not null unique,
    value_encrypted text        not null,
    created_at      timestamptz not null
);

create index subject_identifier_subject on subject_identifier (subject_id);

-- Processing activities (Art. 30). A change inserts a new version; the old ones are kept, because consent
-- events and receipts refer to the version that was in force.
create table purpose (
    id              uuid primary key,
    key             text        not null,
    version         integer     not null,
    current         boolean     not null,
    title           text        not null,
    description     text,
    legal_basis     text        not null check (legal_basis in ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION',
                                                               'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS')),
    data_categories text[]      not null,
    retention       text        not null,
    recipients      text[]      not null,
    channels        text[]      not null,
    notice_url      text,
    notice_version  text,
    notice_hash     text,
    gpc_applies     boolean     not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    unique (key, version)
);

create unique index purpose_current on purpose (key) where current;

-- Consent events are append-only: the current state is derived from the latest event per purpose.
-- subject_id has no foreign key on purpose: after an erasure the events stay as pseudonymous proof of
-- consent (Art. 7(1), Art. 17(3)(e)), stripped of the evidence that could identify the person.
create table consent_event (
    id                   uuid primary key,
    seq                  bigint generated always as identity,
    receipt_id           uuid        not null unique,
    subject_id           uuid        not null,
    purpose_key          text        not null,
    purpose_version      integer     not null,
    state                text        not null check (state in ('GRANTED', 'WITHDRAWN', 'DENIED')),
    notice_version       text        not null,
    notice_hash          text,
    collection_method    text        not null,
    source               text,
    form_id              text,
    ip_pseudonym         text,
    user_agent_encrypted text,
    captured_at          timestamptz not null,
    recorded_at          timestamptz not null,
    recorded_by          text        not null,
    idempotency_key      text,
    fingerprint          text,
    erased_at            timestamptz,
    foreign key (purpose_key, purpose_version) references purpose (key, version),
    unique (recorded_by, idempotency_key)
);

create index consent_event_subject on consent_event (subject_id, purpose_key, captured_at, seq);

-- Append-only in the database too: no delete, and the only update allowed is the erasure of the
-- evidence that could identify the subject (IP pseudonym, user agent, fingerprint).
create function consent_event_append_only() returns trigger language plpgsql as $$
declare
    before_row consent_event;
    after_row  consent_event;
begin
    if tg_op = 'DELETE' then
        raise exception 'consent events are append-only';
    end if;
    before_row := old;
    after_row := new;
    before_row.ip_pseudonym := null;
    before_row.user_agent_encrypted := null;
    before_row.fingerprint := null;
    before_row.erased_at := null;
    after_row.ip_pseudonym := null;
    after_row.user_agent_encrypted := null;
    after_row.fingerprint := null;
    after_row.erased_at := null;
    if before_row is distinct from after_row
            or (new.ip_pseudonym is not null and new.ip_pseudonym is distinct from old.ip_pseudonym)
            or (new.user_agent_encrypted is not null and new.user_agent_encrypted is distinct from old.user_agent_encrypted)
            or (new.fingerprint is not null and new.fingerprint is distinct from old.fingerprint) then
        raise exception 'consent events are append-only';
    end if;
    return new;
end;
$$;

create trigger consent_event_append_only
    before update or delete on consent_event
    for each row execute function consent_event_append_only();

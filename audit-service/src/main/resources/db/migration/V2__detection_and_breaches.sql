-- Breach monitoring (Art. 33(1): a controller must become aware) and the breach register (Art. 33(5)).

-- How far the detector has evaluated the log: every entry below next_index has been through the rules. It moves
-- in the same transaction as the alerts and subject purposes an evaluation writes, so each entry counts once,
-- across restarts and replicas (the row is locked while a replica evaluates). A new log starts at its beginning.
create table detection_cursor (
    id         smallint primary key check (id = 1),
    next_index bigint   not null check (next_index >= 0)
);
insert into detection_cursor (id, next_index) values (1, 0);

-- The purposes the log has seen each subject's data stored for (interaction.stored), less those withdrawn or
-- erased since: what a CRM read may name (Art. 5(1)(b), purpose limitation). Pseudonymous refs only.
create table subject_purpose (
    subject_ref text not null,
    purpose     text not null,
    primary key (subject_ref, purpose)
);

-- Alerts. The fingerprint (rule, key, first evidence index) makes re-evaluation idempotent. Nothing here is an
-- identifier: keys are pseudonymous actors, sources, service names or request ids, subjects are subjectRefs,
-- and the evidence is log indexes.
create table alert (
    id              uuid        primary key,
    fingerprint     text        not null unique,
    rule            text        not null,
    severity        text        not null,
    status          text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'ESCALATED')),
    key_kind        text        not null,
    key             text        not null,
    reasons         text[]      not null,
    subject_refs    text[]      not null,
    event_count     bigint      not null,
    evidence        bigint[]    not null,
    first_event_at  timestamptz not null,
    last_event_at   timestamptz not null,
    threshold       integer     not null,
    window_seconds  bigint      not null,
    raised_at       timestamptz not null,
    dispatched_at   timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text,
    escalated_at    timestamptz,
    escalated_by    text,
    breach_id       uuid
);
create index alert_listing on alert (raised_at desc, id);
create index alert_by_status on alert (status, raised_at desc, id);
create index alert_undispatched on alert (raised_at) where dispatched_at is null;

-- The breach register (Art. 33(5)): every personal data breach, notified or not, with its facts, effects and
-- remedial action. aware_at starts the 72-hour clock of Art. 33(1).
create table breach (
    id                        uuid        primary key,
    alert_id                  uuid        unique references alert (id),
    nature                    text        not null,
    data_categories           text[]      not null,
    subject_categories        text[]      not null,
    approx_subjects           bigint      not null check (approx_subjects >= 0),
    approx_records            bigint      not null check (approx_records >= 0),
    consequences              text        not null,
    measures                  text        not null,
    risk                      text        not null check (risk in ('UNLIKELY', 'RISK', 'HIGH')),
    occurred_at               timestamptz,
    aware_at                  timestamptz not null,
    recorded_at               timestamptz not null,
    recorded_by               text        not null,
    updated_at                timestamptz not null,
    authority_notified_at     timestamptz,
    authority_name            text,
    authority_reference       text,
    late_reasons              text,
    subjects_notified_at      timestamptz,
    subjects_method           text,
    subjects_exemption        text check (subjects_exemption in ('DATA_UNINTELLIGIBLE', 'RISK_NO_LONGER_LIKELY', 'DISPROPORTIONATE_EFFORT')),
    subjects_explanation      text
);
create index breach_by_awareness on breach (aware_at desc, id);

-- Issue 18: erased people stay erased. A replayed or late delivery about someone erased here must not
-- bring them back, so the platform ids of erased subjects are suppressed at intake and in processing.

-- The blind indexes (keyed HMAC of type:normalised id, commons' BlindIndex) of the platform ids each subject
-- was resolved from here, so that an erasure knows which ids to suppress. Deleted with the subject.
create table subject_identifier (
    subject_id  uuid not null,
    blind_index text not null,
    platform    text not null,
    primary key (subject_id, blind_index)
);

-- The suppression list: a blind index, its platform and when it was erased; nothing else, not even the
-- subject id. Purged after privacy-gate.ingestion.suppression.retention.
create table suppressed_identifier (
    blind_index text primary key,
    platform    text        not null,
    erased_at   timestamptz not null
);

create index suppressed_identifier_age on suppressed_identifier (erased_at);

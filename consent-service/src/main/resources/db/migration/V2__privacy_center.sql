-- The privacy center (issue #10): notices in plain language per language, one-time codes, rate limits and
-- the requests subjects filed through it. Nothing here holds an e-mail address or an IP address in clear.

-- The plain-language text of a purpose's notice, per notice version and language, set by the DPO
-- (PUT /api/v1/purposes/{key}/notices/{language}). The facts (legal basis, data categories, retention,
-- recipients) come from the purpose version in force; without a row the page falls back to its title and
-- description.
create table purpose_notice (
    purpose_key    text        not null,
    notice_version text        not null,
    language       text        not null check (language ~ '^[a-z]{2}$'),
    title          text        not null,
    body           text        not null,
    updated_at     timestamptz not null,
    updated_by     text        not null,
    primary key (purpose_key, notice_version, language)
);

-- One-time codes: only an HMAC of salt and code (under a key of its own) is kept, with the address's blind
-- index; a code expires, allows a few attempts, and is deleted when used.
create table privacy_code (
    id            uuid primary key,
    address_index text        not null,
    salt          text        not null,
    code_hash     text        not null,
    attempts      integer     not null default 0,
    created_at    timestamptz not null,
    expires_at    timestamptz not null
);

create index privacy_code_expiry on privacy_code (expires_at);

-- Codes asked for per fixed window and bucket ('address:' + blind index, 'ip:' + keyed pseudonym), shared
-- by every replica. Old windows are purged.
create table privacy_rate_limit (
    bucket       text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (bucket, window_start)
);

-- The data subject requests filed through the privacy center, so that a verified subject can follow them.
create table privacy_request (
    dsr_request_id uuid primary key,
    address_index  text        not null,
    type           text        not null,
    filed_at       timestamptz not null
);

create index privacy_request_address on privacy_request (address_index, filed_at);

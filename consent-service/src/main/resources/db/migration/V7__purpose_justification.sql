-- Issue #20, point 2 (Art. 6(1), Art. 5(2)): every legal basis is justified before a purpose is processed.
-- Contract, legal obligation, vital interests and public task name their reference (the contract, the law, the
-- article); legitimate interests need a balancing test signed off by the DPO (Art. 6(1)(f)). A purpose version is
-- a DRAFT until it is justified and ACTIVE once it is; decisions deny a draft.
alter table purpose add column basis_reference text;
alter table purpose add column status text not null default 'ACTIVE' check (status in ('DRAFT', 'ACTIVE'));

-- Purposes defined before this had no way to record a justification. Consent purposes are justified by the notice
-- they already require; every other one becomes a draft, so that nothing is processed on an undocumented basis
-- until the DPO records its reference or balancing test and activates it (fail closed, as the suite does elsewhere).
update purpose set status = 'DRAFT' where legal_basis <> 'CONSENT';
alter table purpose alter column status drop default;

-- Balancing tests of legitimate-interests purposes, never changed: a new assessment is a new row, the latest in force.
create table balancing_test (
    id              uuid primary key,
    purpose_key     text        not null,
    purpose_version integer     not null,
    interest        text        not null,
    necessity       text        not null,
    balance         text        not null,
    signed_off_by   text        not null,
    signed_off_at   timestamptz not null,
    foreign key (purpose_key, purpose_version) references purpose (key, version)
);

create index balancing_test_purpose on balancing_test (purpose_key, signed_off_at);

-- Issue #20, point 5: Art. 21 as the law has it, per purpose.
-- A purpose says whether it is direct marketing (Art. 21(2)-(3)): a flag, never a pattern on its key.
alter table purpose add column direct_marketing boolean not null default false;
alter table purpose alter column direct_marketing drop default;

-- One objection per subject and purpose. An objection to direct marketing stops it for good (Art. 21(3)); one to a
-- legitimate-interests or public-task purpose stops it unless the DPO records compelling grounds (Art. 21(1)):
-- the grounds, who recorded them and when. Erasing the subject erases its objections.
create table objection (
    id          uuid primary key,
    subject_id  uuid        not null references subject (id) on delete cascade,
    purpose_key text        not null,
    objected_at timestamptz not null,
    recorded_by text        not null,
    grounds     text,
    grounds_by  text,
    grounds_at  timestamptz,
    unique (subject_id, purpose_key)
);

-- Issue #20, point 4: Art. 14, data not obtained from the subject.
-- How each purpose gives the Art. 14 information: to each person (INDIVIDUAL, at the latest within one month of
-- obtaining the data, Art. 14(3)(a)), or by a public notice where informing each would be impossible or take
-- disproportionate effort (PUBLIC_NOTICE, Art. 14(5)(b)), which needs a recorded justification.
alter table purpose add column art14_notice text not null default 'INDIVIDUAL'
    check (art14_notice in ('INDIVIDUAL', 'PUBLIC_NOTICE'));
alter table purpose add column art14_justification text;

-- Where a subject's data came from (Art. 14(2)(f), Art. 15(1)(g)), with the first date it was obtained from there.
create table subject_source (
    subject_id  uuid        not null references subject (id) on delete cascade,
    source      text        not null,
    obtained_at timestamptz not null,
    recorded_at timestamptz not null,
    primary key (subject_id, source)
);

create index subject_source_obtained on subject_source (obtained_at);

-- When and how the subject was given the Art. 14 information, and who recorded it.
create table subject_art14_information (
    subject_id  uuid        primary key references subject (id) on delete cascade,
    informed_at timestamptz not null,
    means       text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);

-- One-time codes resist guessing (issue #18): wrong code entries are counted per e-mail address and UTC day, across
-- every code and every request, so that sending new codes buys no new guesses. The address is named by its blind
-- index only, never in clear. A row is of no use once its day has passed; housekeeping deletes it then.
create table dsr_code_failure (
    address_index text    not null,
    day           date    not null,
    failures      integer not null,
    primary key (address_index, day)
);

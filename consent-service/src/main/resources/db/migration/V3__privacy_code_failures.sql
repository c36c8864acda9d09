-- Wrong one-time codes entered per address (its blind index) and UTC day (issue #18): past the day's cap the
-- address is locked until midnight UTC, whatever code is entered. Past days are purged.
create table privacy_code_failure (
    address_index text    not null,
    day           date    not null,
    failures      integer not null,
    primary key (address_index, day)
);

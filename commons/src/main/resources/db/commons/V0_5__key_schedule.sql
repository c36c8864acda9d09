-- When the schedule last gave every KEK a new version (issue 19, point 2): one row, which the replica that rotates
-- claims with a conditional update, so that a rotation that is due happens once whatever the number of replicas.
create table key_schedule (
    id            boolean primary key default true check (id),
    last_rotation timestamptz not null
);

insert into key_schedule (id, last_rotation) values (true, now());

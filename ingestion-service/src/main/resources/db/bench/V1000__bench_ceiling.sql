-- Only for the benchmark (bench/run adds db/bench to quarkus.flyway.locations): the table of the
-- ceiling endpoint, one plain insert per request.
create table bench_ceiling (
    id          uuid primary key,
    body        bytea       not null,
    received_at timestamptz not null
);

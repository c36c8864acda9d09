-- Whether an alert's evidence lists every event of it. It used to be read off as evidence size = event count,
-- which no longer holds since a service's aggregated report (refusals per source and minute) is one event that
-- counts as its reported number of occurrences.
alter table alert add column evidence_complete boolean not null default true;
update alert set evidence_complete = (cardinality(evidence) >= event_count);

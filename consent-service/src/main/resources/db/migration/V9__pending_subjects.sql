-- Issue #20, point 1: no basis, nothing kept (Art. 5(1)(c) and (e), Art. 6(1)). A person ingestion-service resolves
-- is only pending until a consent event, a data subject request or a permitted decision confirms them; a pending
-- person still unconfirmed at pending_until is purged with everything held about them. Null: confirmed. Subjects
-- from before this had no such state and stay confirmed.
alter table subject add column pending_until timestamptz;

create index subject_pending_until on subject (pending_until) where pending_until is not null;

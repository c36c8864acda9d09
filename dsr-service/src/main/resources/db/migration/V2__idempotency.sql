-- Callers that retry after a lost answer (ingestion-service forwarding Meta's deletion callbacks) send an
-- Idempotency-Key: the same key from the same caller gets the request it first created, not a second one.
alter table dsr_request add column idempotency_key text;
alter table dsr_request add column verification_idempotency_key text;

create unique index dsr_request_idempotency on dsr_request (filed_by, idempotency_key) where idempotency_key is not null;

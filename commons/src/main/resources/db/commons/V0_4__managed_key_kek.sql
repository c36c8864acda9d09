-- Each wrapped key of the service names the KEK that wraps it, so that a rotation can rewrap every one (issue 19).
-- The keys created before this column are known by name: the ingestion inbox key is under the subject KEK, the
-- receipt and checkpoint keys under the signing-keys KEK, and every other (blind-index, pseudonym, session and
-- one-time-code keys) under the blind-index KEK.
alter table managed_key add column kek text;

update managed_key set kek = case
    when name = 'ingestion-inbox' then 'SUBJECT_KEK'
    when name in ('consent-receipt-es256', 'checkpoint-signing') then 'SIGNING_KEYS'
    else 'BLIND_INDEX' end;

alter table managed_key alter column kek set not null;
alter table managed_key add constraint managed_key_kek check (kek in ('SUBJECT_KEK', 'BLIND_INDEX', 'SIGNING_KEYS'));

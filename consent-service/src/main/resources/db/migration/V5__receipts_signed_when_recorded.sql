-- Issue #19: a consent receipt is signed when its event is recorded, and kept with it, so what a subject or a
-- regulator holds is the very receipt the suite issued, whatever key signs later. Events recorded before #19 have
-- none, and their receipts are still signed when fetched. The append-only trigger compares whole rows, so a stored
-- receipt can never be changed.
alter table consent_event add column receipt_jws text;

-- Issue #20, point 3 (Art. 7(1)): a notice's hash is computed by the suite from the text registered in purpose_notice,
-- per notice version and language, never typed by the caller. The typed purpose.notice_hash was checked against no
-- text, so it goes; consent events recorded before keep the hash they copied from it.
alter table purpose drop column notice_hash;

-- The language of the registered notice text whose hash a consent event records (null when the event states none:
-- a withdrawal, or a notice version with no registered text).
alter table consent_event add column notice_language text;

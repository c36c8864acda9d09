-- One-time codes are kept as HMAC-SHA256 under a key of the service (commons OneTimeCodes, issue #23) instead of a
-- salted SHA-256: a leaked table of a million possible codes is then no use without the key. A stored SHA-256 hash
-- cannot be turned into an HMAC without the code, and a code lives for code-ttl (15 minutes) only, so the codes
-- outstanding at the upgrade are voided rather than checked by the old rule: a requester whose code is refused as
-- missing asks for a new one. Wrong entries already counted per address and day (dsr_code_failure) stay counted.
delete from dsr_verification_code;

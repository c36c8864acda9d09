-- Issue #19: subject ciphertexts are bound to their column (format v2), and commons' CiphertextUpgrade rewrites
-- the v1 ones in place. Consent events stay append-only; the one more update allowed is that rewrite of the
-- encrypted user agent (same value, its ciphertext now bound to its column).
create or replace function consent_event_append_only() returns trigger language plpgsql as $$
declare
    before_row consent_event;
    after_row  consent_event;
begin
    if tg_op = 'DELETE' then
        raise exception 'consent events are append-only';
    end if;
    before_row := old;
    after_row := new;
    before_row.ip_pseudonym := null;
    before_row.user_agent_encrypted := null;
    before_row.fingerprint := null;
    before_row.erased_at := null;
    after_row.ip_pseudonym := null;
    after_row.user_agent_encrypted := null;
    after_row.fingerprint := null;
    after_row.erased_at := null;
    if before_row is distinct from after_row
            or (new.ip_pseudonym is not null and new.ip_pseudonym is distinct from old.ip_pseudonym)
            or (new.user_agent_encrypted is not null and new.user_agent_encrypted is distinct from old.user_agent_encrypted
                and not (starts_with(old.user_agent_encrypted, 'v1.') and starts_with(new.user_agent_encrypted, 'v2.')))
            or (new.fingerprint is not null and new.fingerprint is distinct from old.fingerprint) then
        raise exception 'consent events are append-only';
    end if;
    return new;
end;
$$;

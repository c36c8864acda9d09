-- Issue #19, point 3: receipts keep verifying across key changes. Each generation of the receipt signing key is a
-- managed key of its own (managed_key, rewrapped by the key rotation like every other); the newest signs, and every
-- generation's public key stays in the JWKS for as long as receipts signed by it are kept. Consent events, and with
-- them their receipts, are kept as proof of consent (Art. 7(1), Art. 17(3)(e)), so no generation leaves the JWKS.
-- Generation 1 is the key that signed before this (managed key consent-receipt-es256), registered on first use.
create table receipt_key (
    generation integer     generated always as identity primary key,
    key_name   text        not null unique,
    kid        text        not null unique,
    public_jwk text        not null,
    created_at timestamptz not null,
    created_by text        not null
);

-- Issue #19: subject ciphertexts are bound to their table and column (format v2). Once a service's CiphertextUpgrade
-- finds no v1 ciphertext left that could still be read, it records so here, and from then on v1 is refused.
create table ciphertext_upgrade (
    format       text primary key,
    completed_at timestamptz not null
);

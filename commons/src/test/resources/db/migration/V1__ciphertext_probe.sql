-- A service's table as commons' own tests need one: subject ciphertexts of several kinds in one column.
create table ciphertext_probe (
    subject_id      uuid not null,
    kind            text not null,
    value_encrypted text not null
);

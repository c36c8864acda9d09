-- Issue #24: witnesses' cosignatures of checkpoints (c2sp.org/tlog-cosignature), each the exact note signature line the
-- witness returned, verified against its configured key before it is stored. A checkpoint is published once enough
-- witnesses (privacy-gate.audit.witness-policy.quorum) have cosigned it.
create table checkpoint_cosignature (
    tree_size      bigint not null references signed_checkpoint (tree_size),
    witness        text   not null,
    signature_line text   not null,
    primary key (tree_size, witness)
);

package io.privacygate.dsr.repository;

import io.privacygate.dsr.model.VerificationCode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class VerificationCodeRepository implements PanacheRepositoryBase<VerificationCode, UUID> {
}

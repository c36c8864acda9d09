package io.privacygate.dsr.repository;

import io.privacygate.dsr.model.RecipientNotification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class RecipientNotificationRepository implements PanacheRepositoryBase<RecipientNotification, UUID> {

    public Uni<List<RecipientNotification>> findByRequest(UUID requestId) {
        return list("requestId = ?1 order by recipient", requestId);
    }
}

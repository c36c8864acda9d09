package io.privacygate.consent.repository;

import io.privacygate.consent.model.BalancingTest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class BalancingTestRepository implements PanacheRepositoryBase<BalancingTest, UUID> {

    /** The assessment in force for each purpose named that has one: its latest. */
    public Uni<Map<String, BalancingTest>> findInForce(Collection<String> purposeKeys) {
        if (purposeKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("purposeKey in ?1 order by signedOffAt", List.copyOf(purposeKeys)).map(all -> {
            Map<String, BalancingTest> latest = new LinkedHashMap<>();
            all.forEach(test -> latest.put(test.purposeKey, test));
            return latest;
        });
    }
}

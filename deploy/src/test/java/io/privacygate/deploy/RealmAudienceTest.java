package io.privacygate.deploy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 4: each realm client's tokens name in {@code aud} exactly the services it calls (every service
 * checks {@code quarkus.oidc.token.audience}), so that a token is good only where it was meant to go. Who calls
 * whom is {@link ManifestRules#CALLERS} (DESIGN §1), the same map the NetworkPolicies are checked against.
 */
class RealmAudienceTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> clients(String realmJson) {
        return (List<Map<String, Object>>) new KubernetesSerialization().unmarshal(realmJson, Map.class).get("clients");
    }

    /** The audiences a client's audience mappers add to its access tokens. */
    @SuppressWarnings("unchecked")
    static Set<String> accessTokenAudiences(Map<String, Object> client) {
        List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.getOrDefault("protocolMappers", List.of());
        return mappers.stream()
                .filter(m -> "oidc-audience-mapper".equals(m.get("protocolMapper")))
                .map(m -> (Map<String, String>) m.get("config"))
                .filter(c -> "true".equals(c.get("access.token.claim")))
                .map(c -> c.get("included.client.audience"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The services {@code client} calls: those that list it as a caller, and all four for people (the console). */
    private static Set<String> calledBy(String client) {
        if (client.equals("operator-console")) {
            return new TreeSet<>(ManifestRules.SERVICES.keySet());
        }
        return ManifestRules.CALLERS.entrySet().stream()
                .filter(e -> e.getValue().contains(client))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachClientsTokensNameExactlyTheServicesItCalls() {
        List<Map<String, Object>> clients = clients(DevRealm.text());
        assertThat(clients).extracting(c -> c.get("clientId")).containsExactlyInAnyOrder(
                "consent-service", "ingestion-service", "dsr-service", "audit-service", "operator-console");

        for (Map<String, Object> client : clients) {
            String clientId = (String) client.get("clientId");
            assertThat(accessTokenAudiences(client)).as("the aud of %s's access tokens", clientId).isEqualTo(calledBy(clientId));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noClientScopeAddsAnAudienceToEveryClient() {
        Map<String, Object> realm = new KubernetesSerialization().unmarshal(DevRealm.text(), Map.class);
        List<Map<String, Object>> scopes = (List<Map<String, Object>>) realm.getOrDefault("clientScopes", List.of());
        assertThat(scopes).flatExtracting(s -> (List<Map<String, Object>>) s.getOrDefault("protocolMappers", List.of()))
                .noneMatch(m -> "oidc-audience-mapper".equals(m.get("protocolMapper")));
    }
}

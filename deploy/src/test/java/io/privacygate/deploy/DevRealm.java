package io.privacygate.deploy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The dev realm file, deploy/keycloak/privacy-gate-realm.json, which the dev overlay imports as it is. */
final class DevRealm {
    static final String FILE_NAME = "privacy-gate-realm.json";

    private DevRealm() {
    }

    static Path file() {
        return Kustomize.deployDir().resolve("keycloak").resolve(FILE_NAME);
    }

    static String text() {
        try {
            return Files.readString(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The confidential clients' secrets: throwaway by design (the realm is public, for development). */
    @SuppressWarnings("unchecked")
    static Set<String> clientSecrets() {
        Map<String, Object> realm = new KubernetesSerialization().unmarshal(text(), Map.class);
        return ((List<Map<String, Object>>) realm.get("clients")).stream()
                .map(c -> (String) c.get("secret"))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}

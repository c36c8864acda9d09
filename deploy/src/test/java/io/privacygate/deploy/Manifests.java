package io.privacygate.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resources of one rendered overlay, typed by fabric8's model (custom resources stay generic). */
record Manifests(List<HasMetadata> resources) {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Manifests parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<?> items = switch (parsed) {
            case null -> List.of();
            case Collection<?> many -> List.copyOf(many);
            case KubernetesResource one -> List.of(one);
            default -> throw new AssertionError("not Kubernetes resources: " + parsed.getClass());
        };
        return new Manifests(items.stream().map(HasMetadata.class::cast).toList());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    List<HasMetadata> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    static Map<String, String> labels(HasMetadata resource) {
        return Optional.ofNullable(resource.getMetadata().getLabels()).orElse(Map.of());
    }

    static String describe(HasMetadata resource) {
        return resource.getKind() + " " + resource.getMetadata().getName();
    }
}

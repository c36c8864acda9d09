package io.privacygate.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every Privacy Gate OpenAPI document must hold for a generated client to be usable (issue #6): each operation
 * has a unique operation id, a summary and a success response; every error response is a problem+json with a
 * schema; a secured operation documents 401 and 403; an operation without security is one of the service's
 * declared public paths; and the OIDC security scheme is there. All violations are reported at once.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiContract() {
    }

    /**
     * @param openApiJson        the document, e.g. from {@code /q/openapi?format=json}
     * @param publicPathPrefixes paths that are deliberately open (webhooks checked by signature, published keys)
     */
    public static void assertComplete(String openApiJson, String... publicPathPrefixes) {
        List<String> violations = violations(openApiJson, publicPathPrefixes);
        if (!violations.isEmpty()) {
            throw new AssertionError("The OpenAPI document is incomplete:\n  " + String.join("\n  ", violations));
        }
    }

    public static List<String> violations(String openApiJson, String... publicPathPrefixes) {
        JsonNode document;
        try {
            document = JSON.readTree(openApiJson);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        List<String> violations = new ArrayList<>();
        if (!hasOidcScheme(document)) {
            violations.add("components.securitySchemes has no openIdConnect or oauth2 scheme");
        }
        if (!document.path("components").path("schemas").has("Problem")) {
            violations.add("components.schemas has no Problem");
        }
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    String name = method.getKey().toUpperCase() + " " + path.getKey();
                    check(name, path.getKey(), method.getValue(), operationIds, publicPathPrefixes, violations);
                }
            }
        }
        return violations;
    }

    private static void check(String name, String path, JsonNode operation, Set<String> operationIds,
                              String[] publicPathPrefixes, List<String> violations) {
        String operationId = operation.path("operationId").asText("");
        if (operationId.isBlank()) {
            violations.add(name + ": no operationId");
        } else if (!operationIds.add(operationId)) {
            violations.add(name + ": operationId " + operationId + " is used twice");
        }
        if (operation.path("summary").asText("").isBlank()) {
            violations.add(name + ": no summary");
        }
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String status = response.getKey();
            success |= status.startsWith("2") || status.startsWith("3");
            if (response.getValue().path("description").asText("").isBlank()) {
                violations.add(name + ": response " + status + " has no description");
            }
            if ((status.startsWith("4") || status.startsWith("5"))
                    && response.getValue().path("content").path("application/problem+json").path("schema").isMissingNode()) {
                violations.add(name + ": response " + status + " is not an application/problem+json with a schema");
            }
        }
        if (!success) {
            violations.add(name + ": no success response");
        }
        boolean secured = operation.path("security").size() > 0;
        if (secured) {
            for (String status : List.of("401", "403")) {
                if (!responses.has(status)) {
                    violations.add(name + ": secured but documents no " + status);
                }
            }
        } else if (Arrays.stream(publicPathPrefixes).noneMatch(path::startsWith)) {
            violations.add(name + ": has no security requirement and is not a declared public path");
        }
    }

    private static boolean hasOidcScheme(JsonNode document) {
        for (JsonNode scheme : document.path("components").path("securitySchemes")) {
            String type = scheme.path("type").asText();
            if (type.equals("openIdConnect") || type.equals("oauth2")) {
                return true;
            }
        }
        return false;
    }
}

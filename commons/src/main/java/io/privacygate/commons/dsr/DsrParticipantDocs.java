package io.privacygate.commons.dsr;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts a participant's own OpenAPI text (summary, description, response descriptions, tag) on its DSR contract
 * operations. The scanner (smallrye-openapi 4.2) takes those operations from {@link DsrParticipant}, which carries
 * the JAX-RS annotations, and does not read the {@code @Operation} and {@code @APIResponse} of the implementing
 * methods. Each participant registers a subclass naming its resource, to run at build time before commons'
 * {@code SharedApiParts}, which then completes every error response as a problem.
 */
public abstract class DsrParticipantDocs implements OASFilter {
    private static final String CONTRACT_PATH = DsrParticipant.class.getAnnotation(jakarta.ws.rs.Path.class).value();
    private final Map<String, Method> documented;
    /** The tag the scanner gives the operations of a resource class: its simple name, split into words. */
    private final String tag;

    protected DsrParticipantDocs(Class<? extends DsrParticipant> resource) {
        this.documented = Arrays.stream(resource.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(org.eclipse.microprofile.openapi.annotations.Operation.class))
                .collect(Collectors.toMap(Method::getName, Function.identity()));
        this.tag = String.join(" ", resource.getSimpleName().split("(?=\\p{Upper})"));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(CONTRACT_PATH) && item.getOperations() != null) {
                item.getOperations().values().stream()
                        .filter(operation -> documented.containsKey(operation.getOperationId()))
                        .forEach(operation -> describe(operation, documented.get(operation.getOperationId())));
            }
        });
    }

    private void describe(Operation operation, Method method) {
        var doc = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
        operation.setSummary(doc.summary());
        if (!doc.description().isEmpty()) {
            operation.setDescription(doc.description());
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTag(tag);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (var response : method.getAnnotationsByType(org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class)) {
            APIResponse existing = responses.getAPIResponse(response.responseCode());
            if (existing == null) {
                responses.addAPIResponse(response.responseCode(), OASFactory.createAPIResponse().description(response.description()));
            } else {
                existing.setDescription(response.description());
            }
        }
    }
}

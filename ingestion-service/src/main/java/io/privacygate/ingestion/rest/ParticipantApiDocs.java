package io.privacygate.ingestion.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
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
 * Puts {@link DsrResource}'s own OpenAPI text (summary, response descriptions, tag) on the DSR participant
 * operations. The scanner takes those operations from commons' {@code DsrParticipant}, which carries the JAX-RS
 * annotations, and does not read the {@code @Operation} and {@code @APIResponse} of the implementing methods
 * (smallrye-openapi 4.2). Runs at build time before {@code SharedApiParts}, which then completes every error
 * response as a problem.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
public class ParticipantApiDocs implements OASFilter {
    /** The tag the scanner gives the operations of a resource class: its simple name, split into words. */
    static final String TAG = String.join(" ", DsrResource.class.getSimpleName().split("(?=\\p{Upper})"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Method> documented = Arrays.stream(DsrResource.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(org.eclipse.microprofile.openapi.annotations.Operation.class))
                .collect(Collectors.toMap(Method::getName, Function.identity()));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().stream()
                        .filter(operation -> documented.containsKey(operation.getOperationId()))
                        .forEach(operation -> describe(operation, documented.get(operation.getOperationId())));
            }
        });
    }

    private static void describe(Operation operation, Method method) {
        var doc = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
        operation.setSummary(doc.summary());
        if (!doc.description().isEmpty()) {
            operation.setDescription(doc.description());
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTag(TAG);
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

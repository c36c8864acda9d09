package io.privacygate.consent.rest;

import io.privacygate.commons.dsr.DsrParticipant;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The OpenAPI scanner reads a method's {@code @Operation} and {@code @APIResponse} only where its {@code @GET} etc.
 * are, which for the DSR contract is commons' {@link DsrParticipant} interface; this copies {@link DsrResource}'s
 * own texts onto the contract's operations (by operation id, the method name), as they were before the contract
 * moved to commons. Runs before commons' {@code SharedApiParts} (higher priority), which then gives the errors
 * their problem content.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
public class ParticipantApiDocs implements OASFilter {
    private static final String TAG = "Dsr Resource";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<Method> documented = Arrays.stream(DsrResource.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Operation.class))
                .toList();
        openAPI.getPaths().getPathItems().values().stream()
                .map(PathItem::getOperations)
                .filter(operations -> operations != null)
                .flatMap(operations -> operations.values().stream())
                .forEach(operation -> documented.stream()
                        .filter(method -> method.getName().equals(operation.getOperationId()))
                        .findFirst()
                        .ifPresent(method -> describe(operation, method)));
    }

    private static void describe(org.eclipse.microprofile.openapi.models.Operation operation, Method method) {
        operation.setSummary(method.getAnnotation(Operation.class).summary());
        operation.setTags(List.of(TAG));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
            var existing = operation.getResponses().getAPIResponse(response.responseCode());
            if (existing != null) {
                existing.setDescription(response.description());
            } else {
                operation.getResponses().addAPIResponse(response.responseCode(),
                        OASFactory.createAPIResponse().description(response.description()));
            }
        }
    }
}

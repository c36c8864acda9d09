package io.privacygate.commons.web;

import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completes every service's OpenAPI document with what all Privacy Gate APIs share, so that no service has to
 * repeat it on each method and no generated client meets an undocumented error: every error status is an RFC 9457
 * problem with the {@code Problem} schema and an example, and every secured operation documents its 401 (with the
 * bearer challenge) and 403. Runs at build time, so the stored document is the one clients are generated from.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SharedApiParts implements OASFilter {
    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final Map<String, String> STANDARD_DESCRIPTIONS = Map.of(
            "400", "The request is malformed or has invalid fields; nothing was stored.",
            "401", "No valid bearer token: it is missing, expired or not signed by the realm.",
            "403", "The token's roles do not allow this operation.",
            "404", "No such resource.",
            "409", "The request conflicts with the current state.",
            "413", "The request body exceeds the configured limit.",
            "415", "The request's content type is not accepted here.",
            "503", "A key or a required service is unavailable; nothing was stored. Retry after the given delay.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(SharedApiParts::complete);
            }
        });
    }

    private static void complete(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            if (responses.getAPIResponse("401") == null) {
                responses.addAPIResponse("401", OASFactory.createAPIResponse());
            }
            if (responses.getAPIResponse("403") == null) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse());
            }
        }
        Map<String, APIResponse> all = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        all.forEach((status, response) -> {
            if (isError(status)) {
                describeProblem(status, response, secured);
            }
        });
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /**
     * An example the operation's own annotation gives is kept (a webhook's 401 is an invalid signature, not a
     * missing token); only a bearer-secured operation's 401 carries the {@code WWW-Authenticate} challenge.
     */
    private static void describeProblem(String status, APIResponse response, boolean secured) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(STANDARD_DESCRIPTIONS.getOrDefault(status, "The request failed; see the problem's type."));
        }
        Object annotated = Optional.ofNullable(response.getContent())
                .map(content -> content.getMediaType(Problem.MEDIA_TYPE))
                .map(MediaType::getExample)
                .orElse(null);
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(annotated != null ? annotated : example(Integer.parseInt(status)))));
        if ("401".equals(status) && secured) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("The bearer challenge (RFC 6750), e.g. `Bearer error=\"invalid_token\"`.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    private static Map<String, Object> example(int status) {
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(candidate -> candidate.status() == status)
                .findFirst()
                .orElse(ProblemType.INTERNAL);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri());
        example.put("title", type.title());
        example.put("status", status);
        if (type == ProblemType.VALIDATION) {
            example.put("detail", "The request has invalid fields.");
            example.put("errors", List.of(Map.of("field", "identifiers[0].value", "message", "must not be blank")));
        }
        return example;
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field, named by its path; its value is never repeated.")
                .addProperty("field", text)
                .addProperty("message", text);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail. `type` is stable: clients may switch on it. "
                        + "`detail` never carries personal data.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .example(ProblemType.NOT_FOUND.uri()))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}

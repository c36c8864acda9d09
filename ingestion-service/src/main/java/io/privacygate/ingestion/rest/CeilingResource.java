package io.privacygate.ingestion.rest;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The benchmark's ceiling: one plain INSERT of the body per request, through the same HTTP stack and pool
 * as the webhooks but without signature, parsing or encryption. An unauthenticated endpoint that writes to
 * the database has no place in a deployment (issue 18), so it exists only in a build made with
 * {@code -Dprivacy-gate.bench.ceiling-endpoint=true} (bench/run makes one apart, in {@code target/bench-app});
 * any other build has no such route, whatever its runtime configuration. Its table {@code bench_ceiling} is
 * no part of the schema: the benchmark creates it. Left out of the OpenAPI document: it is no part of the API.
 */
@Path("/bench/ceiling")
@PermitAll
@IfBuildProperty(name = "privacy-gate.bench.ceiling-endpoint", stringValue = "true")
public class CeilingResource {
    private final Pool pool;

    CeilingResource(Pool pool) {
        this.pool = pool;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> insert(byte[] body) {
        return pool.preparedQuery("insert into bench_ceiling (id, body, received_at) values ($1, $2, $3)")
                .execute(Tuple.of(UUID.randomUUID(), Buffer.buffer(body), OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWith(Response.ok().build());
    }
}

package io.privacygate.commons.problem;

import io.privacygate.commons.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A resource that exists only in commons' tests: a lookup that hands its path value to PostgreSQL, as every
 * service's {@code GET /…/{key}} does, and a list endpoint's paging.
 */
@Path("/lookup")
public class LookupProbeResource {
    private final Pool pool;

    LookupProbeResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Path("/{key}")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> lookup(@PathParam("key") String key) {
        return pool.preparedQuery("select $1::text as key").execute(Tuple.of(key))
                .map(rows -> rows.iterator().next().getString("key").isEmpty() ? "empty" : "found");
    }

    @GET
    public long offset(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return PageRequest.of(page, size).offset();
    }
}

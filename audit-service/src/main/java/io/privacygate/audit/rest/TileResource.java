package io.privacygate.audit.rest;

import io.privacygate.audit.service.tree.TileService;
import io.privacygate.audit.model.tlog.TilePath;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.Function;

/**
 * The Merkle tree and the entries as c2sp.org/tlog-tiles serves them, so that any tlog client can compute proofs and
 * any cache can hold them. The path parameters take the rest of the path: the spec's index has slashes
 * ({@code x001/x234/067}).
 */
@Path("/tile")
public class TileResource {
    /** A full tile never changes ("This endpoint is immutable, so its caching headers SHOULD be long-lived"). */
    static final String FULL = "max-age=31536000, immutable";
    /** A partial tile is superseded by a wider one as the log grows; clients fetch the width their checkpoint needs. */
    static final String PARTIAL = "max-age=10";
    private static final String OCTETS = MediaType.APPLICATION_OCTET_STREAM;

    private final TileService tiles;

    TileResource(TileService tiles) {
        this.tiles = tiles;
    }

    /** Hash tiles are public: they hold hashes of the entries, nothing personal. */
    @GET
    @Path("{tile: .+}")
    @PermitAll
    @Produces(OCTETS)
    @Operation(summary = "A hash tile of the Merkle tree (c2sp.org/tlog-tiles): up to 256 concatenated SHA-256 hashes")
    @APIResponse(responseCode = "200", description = "The tile", content = @Content(mediaType = OCTETS))
    @APIResponse(responseCode = "404", description = "No such tile: malformed path, or not in the log yet")
    public Uni<RestResponse<byte[]>> hashTile(
            @Parameter(description = "<L>/<N>[.p/<W>], e.g. 0/x001/x234/067 or 1/000.p/17", schema = @Schema(type = SchemaType.STRING))
            @PathParam("tile") String tile) {
        TilePath path = parsed(tile, TilePath::parse);
        return tiles.hashTile(path).map(bytes -> answer(bytes, "public, " + (path.full() ? FULL : PARTIAL)));
    }

    /**
     * Entry bundles hold the canonical events: pseudonymous, but personal data, so only the roles that read the log.
     * They are marked {@code private}: a shared cache must never hand one to a caller the service did not check
     * (RFC 9111 §5.2.2.7).
     */
    @GET
    @Path("entries/{bundle: .+}")
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Produces(OCTETS)
    @Operation(summary = "An entry bundle (c2sp.org/tlog-tiles): the leaves of a level-0 tile, each a big-endian uint16 length and the canonical event")
    @APIResponse(responseCode = "200", description = "The bundle", content = @Content(mediaType = OCTETS))
    @APIResponse(responseCode = "404", description = "No such bundle: malformed path, or not in the log yet")
    public Uni<RestResponse<byte[]>> entryBundle(
            @Parameter(description = "<N>[.p/<W>], e.g. x001/x234/067 or 000.p/17", schema = @Schema(type = SchemaType.STRING))
            @PathParam("bundle") String bundle) {
        TilePath path = parsed(bundle, TilePath::parseBundle);
        return tiles.entryBundle(path).map(bytes -> answer(bytes, "private, " + (path.full() ? FULL : PARTIAL)));
    }

    private static TilePath parsed(String path, Function<String, TilePath> parser) {
        try {
            return parser.apply(path);
        } catch (IllegalArgumentException e) {
            // As a static file server would: a path that names no tile is not found.
            throw ProblemException.notFound("No such tile.");
        }
    }

    private static RestResponse<byte[]> answer(byte[] bytes, String cacheControl) {
        return RestResponse.ResponseBuilder.ok(bytes, OCTETS).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
}

package io.privacygate.dsr.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.tlog.MerkleProofs;
import io.privacygate.dsr.api.ConsoleRecords;
import io.privacygate.dsr.client.AuditApi;
import io.privacygate.dsr.ui.ConsoleViews.AuditPage;
import io.privacygate.dsr.ui.ConsoleViews.EntryCheck;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.privacygate.dsr.ui.ConsoleViews.Verification;
import io.privacygate.dsr.service.CheckpointSignature;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.DPO;

/**
 * The audit log, for auditors and the DPO: the latest signed checkpoint (its signature checked here), a full
 * verification run by audit-service, and one entry with its inclusion proof checked here against the signed root,
 * by RFC 9162's algorithm (commons MerkleProofs), trusting nothing audit-service says about it.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DPO, AUDITOR})
public class ConsoleAuditResource {
    private final AuditApi audit;
    private final SecurityIdentity identity;

    ConsoleAuditResource(@RestClient AuditApi audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @ServerExceptionMapper
    Uni<Response> forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(identity);
    }

    @GET
    public Uni<Response> page(@QueryParam("entry") String entry) {
        ConsoleUser user = ConsoleUser.of(identity);
        Long index = index(entry);
        if (entry != null && !entry.isBlank() && index == null) {
            return render(user, null, null, null, Message.error("An entry is a number, 0 or more."), 400);
        }
        return render(user, null, index, null, null, 200);
    }

    /** Asks audit-service to recompute the whole tree from storage against every signed checkpoint. */
    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> verify() {
        ConsoleUser user = ConsoleUser.of(identity);
        return audit.verify()
                .map(ConsoleAuditResource::verification)
                .chain(result -> render(user, result, null, Message.notice(result.valid()
                        ? "The log verified: every entry matches the signed checkpoints."
                        : "The log did NOT verify. Tell the DPO; see the details below."), null, 200))
                .onFailure().recoverWithUni(failure -> render(user, null, null, null,
                        Message.error("The verification could not run. " + ConsoleErrors.describe(failure)), 502));
    }

    private static Verification verification(JsonNode answer) {
        return new Verification(answer.path("valid").asBoolean(false), answer.path("treeSize").asLong(),
                answer.hasNonNull("firstBadIndex") ? answer.get("firstBadIndex").asLong() : null,
                answer.hasNonNull("failedCheckpoint") ? answer.get("failedCheckpoint").asText() : null);
    }

    private Uni<Response> render(ConsoleUser user, Verification verification, Long entry, Message notice,
                                 Message error, int status) {
        return audit.latestCheckpoint()
                .onFailure(e -> ConsoleErrors.status(e) == 404).recoverWithNull()
                .chain(checkpoint -> signed(checkpoint)
                        .chain(signed -> check(checkpoint, entry)
                                .map(checked -> new AuditPage(checkpoint, signed,
                                        checkpoint == null ? null : ConsoleViews.time(checkpoint.timestamp()),
                                        verification, checked.entry(), error != null ? error
                                        : checked.message() != null ? checked.message() : notice))))
                .chain(page -> ConsolePages.audit(user, page).createUni()
                        .map(html -> Response.status(error != null ? status
                                        : page.message() != null && page.message().error() ? 404 : status)
                                .entity(html).type(MediaType.TEXT_HTML).build()))
                .onFailure().recoverWithUni(failure -> ConsolePages.audit(user, new AuditPage(null, null, null,
                                verification, null, Message.error("The audit log is not available. "
                                + ConsoleErrors.describe(failure)))).createUni()
                        .map(html -> Response.status(502).entity(html).type(MediaType.TEXT_HTML).build()));
    }

    /** Whether a key audit-service publishes signed the checkpoint's note. */
    private Uni<Boolean> signed(ConsoleRecords.Checkpoint checkpoint) {
        if (checkpoint == null) {
            return Uni.createFrom().nullItem();
        }
        return audit.checkpointKeys().map(keys -> keys.keys().stream()
                        .filter(k -> checkpoint.keyId() == null || checkpoint.keyId().equals(k.keyId()))
                        .anyMatch(k -> CheckpointSignature.checkpointSigned(checkpoint.note(),
                                Base64.getDecoder().decode(checkpoint.signature()),
                                Base64.getDecoder().decode(k.publicKey()))))
                .onFailure().recoverWithItem(false);
    }

    private record Checked(EntryCheck entry, Message message) {
    }

    /** The entry, its leaf hash recomputed from its bytes, and its inclusion proof against the signed root. */
    private Uni<Checked> check(ConsoleRecords.Checkpoint checkpoint, Long index) {
        if (index == null) {
            return Uni.createFrom().item(new Checked(null, null));
        }
        if (checkpoint == null || index >= checkpoint.treeSize()) {
            return Uni.createFrom().item(new Checked(null, Message.error("Entry " + index
                    + " is not covered by a signed checkpoint yet" + (checkpoint == null ? "." : " (tree size "
                    + checkpoint.treeSize() + ")."))));
        }
        return audit.entry(index)
                .chain(entry -> audit.inclusion(index, checkpoint.treeSize()).map(proof -> {
                    HexFormat hex = HexFormat.of();
                    byte[] leaf = MerkleProofs.leafHash(Base64.getDecoder().decode(entry.leafData()));
                    boolean leafMatches = hex.formatHex(leaf).equalsIgnoreCase(entry.leafHash());
                    List<byte[]> path = proof.hashes().stream().map(hex::parseHex).toList();
                    boolean included = proof.leafIndex() == index && proof.treeSize() == checkpoint.treeSize()
                            && MerkleProofs.inclusion(index, checkpoint.treeSize(), leaf, path, hex.parseHex(checkpoint.rootHash()));
                    return new Checked(new EntryCheck(entry, checkpoint.treeSize(), checkpoint.rootHash(), leafMatches,
                            included, proof.hashes()), null);
                }))
                .onFailure(e -> ConsoleErrors.status(e) == 404)
                .recoverWithItem(() -> new Checked(null, Message.error("The log has no entry " + index + ".")));
    }

    private static Long index(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed < 0 ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

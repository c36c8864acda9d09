package io.privacygate.audit.model.tlog;

import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.model.NodeId;
import io.privacygate.audit.model.ProofBuilder;
import io.privacygate.audit.model.ReferenceMerkle;
import io.privacygate.testing.Witness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The witness of {@code testing/} speaks c2sp.org/tlog-witness with our notes, and its cosignatures verify with our
 * {@link CosignerKey} (c2sp.org/tlog-cosignature); above all it refuses a checkpoint inconsistent with one it cosigned.
 */
class WitnessProtocolTest {
    private static final String ORIGIN = "example.com/test-log";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KeyPair logKeys = keyPair();
    private final VerifierKey logKey = new VerifierKey(ORIGIN, raw(logKeys));
    private final Witness witness = Witness.start("witness.example/w1", ORIGIN);
    private final List<byte[]> leaves = new ArrayList<>();

    @AfterEach
    void stop() {
        witness.close();
    }

    @Test
    void cosignsAGrowingLogAndRefusesAFork() throws Exception {
        witness.trust(logKey.encoded());
        CosignerKey cosigner = CosignerKey.parse(witness.verifierKey());
        grow(5);

        HttpResponse<String> first = submit(0, List.of(), note(leaves, logKeys));
        assertThat(first.statusCode()).isEqualTo(200);
        SignedNote cosigned = SignedNote.parse(note(leaves, logKeys) + first.body());
        assertThat(cosigned.verify(List.of(logKey, cosigner))).containsExactlyInAnyOrder(logKey, cosigner);
        long timestamp = CosignerKey.timestamp(cosigned.signatures().get(1).signature());
        assertThat(timestamp).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));

        // A client that does not know the witness's state learns it from a 409.
        grow(3);
        HttpResponse<String> stale = submit(0, List.of(), note(leaves, logKeys));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("5\n");

        HttpResponse<String> grown = submit(5, consistency(5, leaves), note(leaves, logKeys));
        assertThat(grown.statusCode()).isEqualTo(200);
        assertThat(witness.size()).isEqualTo(8);

        // A fork: the same log, entry 2 changed, grown to 10, with that tree's own (valid-looking) proof from 8.
        List<byte[]> forked = new ArrayList<>(leaves);
        forked.set(2, "rewritten".getBytes(StandardCharsets.UTF_8));
        forked.add("9".getBytes(StandardCharsets.UTF_8));
        forked.add("10".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> fork = submit(8, consistency(8, forked), note(forked, logKeys));
        assertThat(fork.statusCode()).isEqualTo(422);
        assertThat(witness.size()).isEqualTo(8);
        // Same size, other root: also refused.
        assertThat(submit(8, List.of(), note(forked.subList(0, 8), logKeys)).statusCode()).isEqualTo(422);
    }

    @Test
    void refusesWhatTheSpecSaysItMust() throws Exception {
        witness.trust(logKey.encoded());
        grow(4);
        String note = note(leaves, logKeys);

        assertThat(submit(0, List.of(), note.replace(ORIGIN, "example.com/other-log")).statusCode()).isEqualTo(404);
        assertThat(submit(0, List.of(), note(leaves, keyPair())).statusCode()).as("another key under the log's name").isEqualTo(403);
        String forged = note.replaceFirst("\n4\n", "\n3\n");
        assertThat(submit(0, List.of(), forged).statusCode()).as("a signature that does not verify").isEqualTo(403);
        assertThat(submit(5, List.of(), note).statusCode()).as("old size beyond the checkpoint").isEqualTo(400);
        assertThat(submit(0, List.of(new byte[32]), note).statusCode()).as("a proof from the empty tree").isEqualTo(422);
        assertThat(witness.size()).isZero();
        assertThat(witness.refusals()).hasSize(5);
    }

    private void grow(int count) {
        for (int i = 0; i < count; i++) {
            leaves.add(("entry " + leaves.size()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String note(List<byte[]> leaves, KeyPair signer) throws GeneralSecurityException {
        String text = new CheckpointNote(ORIGIN, leaves.size(), ReferenceMerkle.mth(leaves)).text();
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(signer.getPrivate());
        ed25519.update(text.getBytes(StandardCharsets.UTF_8));
        return SignedNote.of(text, NoteSignature.by(new VerifierKey(ORIGIN, raw(signer)), ed25519.sign())).format();
    }

    private static List<byte[]> consistency(long from, List<byte[]> leaves) {
        return ProofBuilder.consistency(from, leaves.size(), (NodeId node) -> ReferenceMerkle.mth(
                leaves.subList((int) node.firstLeaf(), (int) (node.firstLeaf() + (1L << node.level())))));
    }

    private HttpResponse<String> submit(long old, List<byte[]> proof, String note) throws Exception {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        proof.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        body.append('\n').append(note);
        URI target = URI.create(witness.url() + "/add-checkpoint");
        return HTTP.send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] raw(KeyPair keys) {
        byte[] x509 = keys.getPublic().getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }
}

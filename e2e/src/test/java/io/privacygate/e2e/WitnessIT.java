package io.privacygate.e2e;

import io.privacygate.testing.Witness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

/**
 * Issue #24 in the running suite: the checkpoint audit-service publishes without a token, at {@code /checkpoint}, is a
 * C2SP signed note that both witnesses of the run cosigned, and each cosignature verifies under the witness's own key
 * (c2sp.org/tlog-cosignature), checked here with the JDK alone, as any outside party would.
 */
@ExtendWith(Suite.class)
class WitnessIT {
    private static final String AUDIT = "http://127.0.0.1:8084";
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @Test
    void thePublishedCheckpointIsCosignedByBothWitnesses() throws GeneralSecurityException {
        given().auth().oauth2(Keycloak.user("demo-dpo")).post(AUDIT + "/api/v1/checkpoints").then().statusCode(oneOf(200, 201));

        String note = given().get(AUDIT + "/checkpoint").then().statusCode(200).contentType("text/plain")
                .extract().asString();
        String text = note.substring(0, note.indexOf("\n\n") + 1);
        String[] body = text.split("\n");
        assertThat(body[0]).isEqualTo(Suite.LOG_ORIGIN);
        long size = Long.parseLong(body[1]);

        for (Witness witness : Suite.witnesses()) {
            String name = witness.verifierKey().split("\\+")[0];
            String line = note.lines().filter(l -> l.startsWith("\u2014 " + name + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has not cosigned the published checkpoint:\n" + note));
            assertThat(cosignatureValid(witness.verifierKey(), text, line.substring(line.lastIndexOf(' ') + 1)))
                    .as("%s's cosignature", name).isTrue();
            assertThat(witness.size()).as("%s's latest cosigned size", name).isGreaterThanOrEqualTo(size);
        }
    }

    /** key hash (4) ‖ timestamp (u64) ‖ Ed25519 over "cosignature/v1\ntime <timestamp>\n" ‖ the note's text. */
    private static boolean cosignatureValid(String witnessVkey, String text, String base64) throws GeneralSecurityException {
        String[] vkey = witnessVkey.split("\\+", 3); // the base64 may hold "+" too
        byte[] typedKey = Base64.getDecoder().decode(vkey[2]);
        ByteBuffer signature = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        if (signature.getInt() != Integer.parseUnsignedInt(vkey[1], 16)) {
            return false;
        }
        long timestamp = signature.getLong();
        byte[] ed25519 = new byte[signature.remaining()];
        signature.get(ed25519);
        byte[] x509 = new byte[ED25519_X509_PREFIX.length + 32];
        System.arraycopy(ED25519_X509_PREFIX, 0, x509, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(Arrays.copyOfRange(typedKey, 1, 33), 0, x509, ED25519_X509_PREFIX.length, 32);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        verifier.update(("cosignature/v1\ntime " + timestamp + "\n" + text).getBytes(StandardCharsets.UTF_8));
        return verifier.verify(ed25519);
    }
}

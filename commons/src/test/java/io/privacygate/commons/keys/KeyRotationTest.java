package io.privacygate.commons.keys;

import io.privacygate.commons.crypto.AesGcm;
import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.KeyUnavailableException;
import io.privacygate.commons.crypto.MasterKeyring;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.crypto.WrappingKey;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 19, point 1: one rotation for every stored key of a service, from its API. A rotation rewraps the subject data
 * keys and the service's own keys while it serves; a retire refuses while anything live needs an older version, and
 * once done, the keyring no longer holds that version, so a backup of the keys taken before cannot be opened.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.WithAKeyringFile.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationTest {
    static final Path KEYRING = keyringFile();

    @Inject
    SubjectKeys subjectKeys;
    @Inject
    BlindIndex blindIndex;
    @Inject
    KeyProvider provider;
    @Inject
    KeyRotation rotation;
    @Inject
    Pool pool;

    public static class WithAKeyringFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The test runs the scheduled round itself, so that no round of the scheduler overlaps its own calls.
            return Map.of("privacy-gate.keys.local.master-key-file", KEYRING.toString(),
                    "quarkus.scheduler.enabled", "false");
        }
    }

    private static Path keyringFile() {
        try {
            Path file = Files.createTempFile("privacy-gate-master", ".keys");
            Files.writeString(file, MasterKeyring.format(Map.of(1, AesGcm.newKey())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(0)
    void theKeyLifecycleIsForTheDpoOnly() {
        given().get("/api/v1/keys").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("privacy-operator")).get("/api/v1/keys").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("privacy-operator")).post("/api/v1/keys/rotate").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("auditor")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/keys/retire").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/keys/retire").then().statusCode(401);
        assertThat(MasterKeyring.parse(read(KEYRING)).currentVersion()).as("nothing rotated").isEqualTo(1);
    }

    @Test
    @Order(1)
    void aRotationRewrapsEveryStoredKeyAndARetireThenMakesTheOldBackupUnreadable() {
        List<UUID> subjects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subjects.add(UUID.randomUUID());
        }
        subjects.forEach(subject -> join(() -> Panache.withTransaction(() -> subjectKeys.forWriting(subject))));
        String index = join(() -> blindIndex.of(new Identifier(IdentifierType.EMAIL, "jane@example.org"), "email"));
        Map<String, String> backup = wrappedKeys();
        assertThat(backup.values()).allMatch(wrapped -> wrapped.startsWith("local:v1:"));
        String backedUpKey = backup.get("subject_key:" + subjects.getFirst());
        byte[] dek = join(() -> provider.unwrap(WrappingKey.SUBJECT_KEK, backedUpKey));

        // A retire before anything was rotated has nothing to do at version 1, and version 2 does not exist yet.
        given().auth().oauth2(TestTokens.user("dpo")).contentType(ContentType.JSON).body("{\"minDecryptionVersion\": 2}")
                .post("/api/v1/keys/retire").then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.user("dpo")).post("/api/v1/keys/rotate").then().statusCode(202)
                .body("keks.find { it.kek == 'SUBJECT_KEK' }.latestVersion", equalTo(2));
        await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.user("dpo")).get("/api/v1/keys").then().statusCode(200)
                        .body("keks.toRewrap.sum()", equalTo(0))
                        .body("rewrapRunning", equalTo(false)));
        assertThat(wrappedKeys()).as("every subject key and every key of the service itself")
                .containsKeys(backup.keySet().toArray(String[]::new))
                .allSatisfy((key, wrapped) -> assertThat(wrapped).startsWith("local:v2:"));

        given().auth().oauth2(TestTokens.user("dpo")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/keys/retire").then().statusCode(200)
                .body("keks.minDecryptionVersion", org.hamcrest.Matchers.everyItem(equalTo(2)));

        MasterKeyring kept = MasterKeyring.parse(read(KEYRING));
        assertThat(kept.derive(1, WrappingKey.SUBJECT_KEK)).as("master version 1 is gone from the keyring").isNull();
        assertThatThrownBy(() -> join(() -> provider.unwrap(WrappingKey.SUBJECT_KEK, backedUpKey)))
                .isInstanceOf(KeyUnavailableException.class);
        // What is live still opens: the same data key from its rewrapped form, and the blind index under its rewrapped key.
        String rewrapped = wrappedKeys().get("subject_key:" + subjects.getFirst());
        assertThat(join(() -> provider.unwrap(WrappingKey.SUBJECT_KEK, rewrapped))).isEqualTo(dek);
        assertThat(join(() -> blindIndex.of(new Identifier(IdentifierType.EMAIL, "jane@example.org"), "email"))).isEqualTo(index);
    }

    @Test
    @Order(2)
    void aRetireIsRefusedWhileAKeyNeedsTheOldVersionAndOneUnreadableKeyDoesNotStopTheRewrap() {
        UUID live = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        join(() -> pool.query("delete from subject_key").execute());
        join(() -> Panache.withTransaction(() -> subjectKeys.forWriting(live)));
        int before = MasterKeyring.parse(read(KEYRING)).currentVersion();
        // A key under the current version that no keyring opens: the rewrap must pass over it.
        join(() -> pool.preparedQuery("insert into subject_key (subject_id, wrapped_dek, created_at) values ($1, $2, now())")
                .execute(Tuple.of(foreign, "local:v" + before + ":" + java.util.Base64.getEncoder().encodeToString(new byte[60]))));
        // The operator adds a master version outside the service (as Vault's auto-rotation would).
        join(() -> provider.rotate());

        given().auth().oauth2(TestTokens.user("dpo")).contentType(ContentType.JSON).body("{\"kek\": \"SUBJECT_KEK\"}")
                .post("/api/v1/keys/retire").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("SUBJECT_KEK: 2 keys under a version below " + (before + 1)));

        assertThat(join(() -> rotation.rewrapAll()).get(WrappingKey.SUBJECT_KEK)).isEqualTo(1);
        assertThat(wrappedKeys().get("subject_key:" + live)).startsWith("local:v" + (before + 1) + ":");
        given().auth().oauth2(TestTokens.user("dpo")).contentType(ContentType.JSON).body("{\"kek\": \"SUBJECT_KEK\"}")
                .post("/api/v1/keys/retire").then().statusCode(409)
                .body("detail", containsString("SUBJECT_KEK: 1 keys under a version below " + (before + 1)));

        join(() -> pool.preparedQuery("delete from subject_key where subject_id = $1").execute(Tuple.of(foreign)));
        given().auth().oauth2(TestTokens.user("dpo")).contentType(ContentType.JSON).body("{\"kek\": \"SUBJECT_KEK\"}")
                .post("/api/v1/keys/retire").then().statusCode(200)
                .body("keks.find { it.kek == 'SUBJECT_KEK' }.minDecryptionVersion", equalTo(before + 1))
                .body("keks.find { it.kek == 'BLIND_INDEX' }.minDecryptionVersion", equalTo(before));
        // The blind-index KEK still needs version `before`, so that master version stays in the keyring.
        assertThat(MasterKeyring.parse(read(KEYRING)).derive(before, WrappingKey.BLIND_INDEX)).isNotNull();
    }

    /**
     * Point 2: once the rotation period has passed, the scheduled round rotates (once, whatever the replicas), rewraps,
     * and retires every version before the previous one, so a backup opens for at most two periods.
     */
    @Test
    @Order(3)
    void theScheduleRotatesOnceAPeriodAndKeepsOnlyThePreviousVersionReadable() {
        join(() -> pool.query("delete from subject_key").execute());
        join(() -> Panache.withTransaction(() -> subjectKeys.forWriting(UUID.randomUUID())));
        int before = MasterKeyring.parse(read(KEYRING)).currentVersion();
        join(() -> rotation.scheduledRound());
        assertThat(MasterKeyring.parse(read(KEYRING)).currentVersion()).as("not due yet").isEqualTo(before);

        join(() -> pool.query("update key_schedule set last_rotation = now() - interval '16 days'").execute());
        join(() -> rotation.scheduledRound());
        join(() -> rotation.scheduledRound());

        KeysStatus status = join(() -> rotation.status());
        assertThat(status.keks()).allSatisfy(kek -> {
            assertThat(kek.latestVersion()).as("rotated once").isEqualTo(before + 1);
            assertThat(kek.minDecryptionVersion()).as("the previous version stays readable").isEqualTo(before);
            assertThat(kek.toRewrap()).isZero();
        });
        assertThat(MasterKeyring.parse(read(KEYRING)).derive(before - 1, WrappingKey.SUBJECT_KEK)).isNull();
        assertThat(status.nextScheduledRotation()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(15)).minusSeconds(60),
                java.time.Instant.now().plus(java.time.Duration.ofDays(15)));
    }

    /** Every wrapped key of the service, by table and id. */
    private Map<String, String> wrappedKeys() {
        return join(() -> pool.query("""
                        select 'subject_key:' || subject_id as id, wrapped_dek as wrapped from subject_key
                        union all select 'managed_key:' || name, wrapped_key from managed_key""").execute()
                .map(rows -> {
                    Map<String, String> keys = new java.util.TreeMap<>();
                    for (Row row : rows) {
                        keys.put(row.getString("id"), row.getString("wrapped"));
                    }
                    return keys;
                }));
    }

    private static <T> T join(Supplier<io.smallrye.mutiny.Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call::get);
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

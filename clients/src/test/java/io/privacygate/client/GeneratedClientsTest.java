package io.privacygate.client;

import io.privacygate.client.audit.model.AppendRequest;
import io.privacygate.client.audit.model.AuditEvent;
import io.privacygate.client.audit.model.CheckpointView;
import io.privacygate.client.consent.model.PagePurposeView;
import io.privacygate.client.dsr.model.CreateRequest;
import io.privacygate.client.dsr.model.Identifier;
import io.privacygate.client.dsr.model.IdentifierType;
import io.privacygate.client.dsr.model.PageRequestSummary;
import io.privacygate.client.dsr.model.RequestType;
import io.privacygate.client.dsr.model.RequestView;
import io.privacygate.client.ingestion.model.ImportView;
import io.privacygate.testing.PeerService;
import io.privacygate.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated clients against the four services, each run for real from its packaged jar (testing/PeerService:
 * its own embedded PostgreSQL and OIDC test server; tokens from TestTokens). Per service: an authorised call that
 * answers a typed body, a call without a token and one with a role the operation does not grant, both surfacing as
 * the generated client's ApiException with the problem+json body readable. The operation names are the ones the
 * current documents give (method names of the resources, escaped by the generator where they clash with Java).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientsTest {
    private static final String NOWHERE = "http://127.0.0.1:1";
    private static final String NO_ROLE_OF_OURS = "no-such-role";

    private final List<PeerService> peers = new ArrayList<>();
    private String audit;
    private String consent;
    private String ingestion;
    private String dsr;

    @BeforeAll
    void startTheServices() {
        audit = start("audit-service", Map.of());
        String events = audit + "/api/v1/events";
        consent = start("consent-service", Map.of(
                "privacy-gate.outbox.destinations.audit.url", events,
                "privacy-gate.outbox.destinations.ingestion.url", NOWHERE + "/internal/v1/consent-changes"));
        ingestion = start("ingestion-service", Map.of(
                "privacy-gate.outbox.destinations.audit.url", events,
                "privacy-gate.ingestion.consent-url", consent,
                "privacy-gate.ingestion.dsr-url", NOWHERE));
        dsr = start("dsr-service", Map.of(
                "privacy-gate.outbox.destinations.audit.url", events,
                "privacy-gate.dsr.consent.url", consent,
                "privacy-gate.dsr.participants.audit-service.url", audit,
                "privacy-gate.dsr.participants.ingestion-service.url", ingestion));
    }

    @AfterAll
    void stopTheServices() {
        peers.forEach(PeerService::stop);
    }

    private String start(String service, Map<String, String> config) {
        PeerService peer = new PeerService();
        Map<String, String> args = new java.util.LinkedHashMap<>();
        args.put("service", service);
        args.put("url-property", "url");
        args.put("config.quarkus.log.level", "WARN");
        config.forEach((key, value) -> args.put("config." + key, value));
        peer.init(args);
        String url = peer.start().get("url");
        peers.add(0, peer);
        return url;
    }

    /** The token, if any, on every request of a generated ApiClient (each package has its own ApiClient class). */
    private static java.util.function.Consumer<java.net.http.HttpRequest.Builder> bearer(String token) {
        return request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }

    /** The problem a refused call carries, as the generated client surfaces it. */
    private static void assertProblem(Throwable thrown, int status, Function<Throwable, Integer> code,
                                      Function<Throwable, String> body, Function<Throwable, Map<String, List<String>>> headers) {
        assertThat(code.apply(thrown)).isEqualTo(status);
        assertThat(headers.apply(thrown).getOrDefault("content-type", List.of())).anyMatch(t -> t.startsWith("application/problem+json"));
        assertThat(body.apply(thrown)).contains("\"type\"").contains("\"status\":" + status);
    }

    @Nested
    class Audit {
        private io.privacygate.client.audit.api.CheckpointResourceApi checkpoints(String token) {
            io.privacygate.client.audit.ApiClient client = new io.privacygate.client.audit.ApiClient();
            client.updateBaseUri(audit);
            client.setRequestInterceptor(bearer(token));
            return new io.privacygate.client.audit.api.CheckpointResourceApi(client);
        }

        @Test
        void appendsSignsAndReadsTheLatestCheckpoint() throws Exception {
            io.privacygate.client.audit.ApiClient writer = new io.privacygate.client.audit.ApiClient();
            writer.updateBaseUri(audit);
            writer.setRequestInterceptor(bearer(TestTokens.service("consent-service", "audit-writer")));
            new io.privacygate.client.audit.api.EventResourceApi(writer).appendEvents(new AppendRequest().addEventsItem(new AuditEvent()
                    .eventId(UUID.randomUUID().toString()).occurredAt(OffsetDateTime.now(ZoneOffset.UTC)).service("consent-service")
                    .actor("user:" + UUID.randomUUID()).action("consent.granted").subjectRef(UUID.randomUUID().toString())
                    .purpose("marketing-leads").legalBasis("CONSENT").outcome("SUCCESS").details(Map.of("noticeVersion", "3"))), null);
            checkpoints(TestTokens.user("dpo")).signCheckpoint();

            CheckpointView latest = checkpoints(TestTokens.user("auditor")).latestCheckpoint();

            assertThat(latest.getTreeSize()).isGreaterThanOrEqualTo(1);
            assertThat(latest.getRootHash()).matches("[0-9a-f]{64}");
            assertThat(latest.getNote()).endsWith("\n");
        }

        @Test
        void refusalsAreApiExceptionsWithTheProblem() {
            for (Map.Entry<String, Integer> refused : Map.of("", 401, TestTokens.user(NO_ROLE_OF_OURS), 403).entrySet()) {
                assertThatThrownBy(() -> checkpoints(refused.getKey().isEmpty() ? null : refused.getKey()).latestCheckpoint())
                        .isInstanceOfSatisfying(io.privacygate.client.audit.ApiException.class, e -> assertProblem(e, refused.getValue(),
                                t -> e.getCode(), t -> e.getResponseBody(), t -> e.getResponseHeaders().map()));
            }
        }
    }

    @Nested
    class Consent {
        private io.privacygate.client.consent.api.PurposeResourceApi purposes(String token) {
            io.privacygate.client.consent.ApiClient client = new io.privacygate.client.consent.ApiClient();
            client.updateBaseUri(consent);
            client.setRequestInterceptor(bearer(token));
            return new io.privacygate.client.consent.api.PurposeResourceApi(client);
        }

        @Test
        void listsThePurposes() throws Exception {
            PagePurposeView page = purposes(TestTokens.user("dpo")).callList(0, 20);
            assertThat(page.getItems()).isNotNull();
        }

        @Test
        void refusalsAreApiExceptionsWithTheProblem() {
            for (Map.Entry<String, Integer> refused : Map.of("", 401, TestTokens.user(NO_ROLE_OF_OURS), 403).entrySet()) {
                assertThatThrownBy(() -> purposes(refused.getKey().isEmpty() ? null : refused.getKey()).callList(0, 20))
                        .isInstanceOfSatisfying(io.privacygate.client.consent.ApiException.class, e -> assertProblem(e, refused.getValue(),
                                t -> e.getCode(), t -> e.getResponseBody(), t -> e.getResponseHeaders().map()));
            }
        }
    }

    @Nested
    class Ingestion {
        private io.privacygate.client.ingestion.api.ImportResourceApi imports(String token) {
            io.privacygate.client.ingestion.ApiClient client = new io.privacygate.client.ingestion.ApiClient();
            client.updateBaseUri(ingestion);
            client.setRequestInterceptor(bearer(token));
            client.setObjectMapper(client.getObjectMapper().copy().registerModule(new SimpleModule().addSerializer(File.class, new FileContent())));
            return new io.privacygate.client.ingestion.api.ImportResourceApi(client);
        }

        @Test
        void startsAnImportAndReadsItsProgress() throws Exception {
            Path lines = Files.createTempFile("import", ".jsonl");
            Files.writeString(lines, "{\"created_time\":\"2026-11-30T10:00:00+0000\",\"id\":\"" + Math.abs(UUID.randomUUID().getMostSignificantBits())
                    + "\",\"form_id\":\"777\",\"field_data\":[{\"name\":\"email\",\"values\":[\"lead-" + UUID.randomUUID() + "@example.org\"]}]}\n");
            var started = imports(TestTokens.user("dpo")).startWithHttpInfo("meta", lines.toFile(), null);
            String location = started.getHeaders().get("location").get(0);
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

            ImportView progress = imports(TestTokens.user("dpo")).get(id);

            assertThat(started.getStatusCode()).isEqualTo(202);
            assertThat(started.getData().getId()).isEqualTo(id);
            assertThat(progress.getId()).isEqualTo(id);
            Files.delete(lines);
        }

        @Test
        void refusalsAreApiExceptionsWithTheProblem() {
            for (Map.Entry<String, Integer> refused : Map.of("", 401, TestTokens.user(NO_ROLE_OF_OURS), 403).entrySet()) {
                assertThatThrownBy(() -> imports(refused.getKey().isEmpty() ? null : refused.getKey()).get(UUID.randomUUID()))
                        .isInstanceOfSatisfying(io.privacygate.client.ingestion.ApiException.class, e -> assertProblem(e, refused.getValue(),
                                t -> e.getCode(), t -> e.getResponseBody(), t -> e.getResponseHeaders().map()));
            }
        }
    }

    /**
     * The generator's "native" library writes any body through Jackson, so a file for a JSON-lines operation would go
     * out as its path in quotes; this writes the file's content as it is, which is what the operation takes.
     */
    static final class FileContent extends StdSerializer<File> {
        FileContent() {
            super(File.class);
        }

        @Override
        public void serialize(File file, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(Files.readString(file.toPath()));
        }
    }

    @Nested
    class Dsr {
        private io.privacygate.client.dsr.api.RequestResourceApi requests(String token) {
            io.privacygate.client.dsr.ApiClient client = new io.privacygate.client.dsr.ApiClient();
            client.updateBaseUri(dsr);
            client.setRequestInterceptor(bearer(token));
            return new io.privacygate.client.dsr.api.RequestResourceApi(client);
        }

        @Test
        void filesARequestAndListsIt() throws Exception {
            io.privacygate.client.dsr.api.RequestResourceApi operator = requests(TestTokens.user("privacy-operator"));

            RequestView filed = operator.fileRequest(new CreateRequest().type(RequestType.ACCESS)
                    .addIdentifiersItem(new Identifier().type(IdentifierType.EMAIL).value("client-" + UUID.randomUUID() + "@example.org"))
                    .channel("email"), null);
            PageRequestSummary page = operator.listRequests(null, null, null, "0", "20", null, null, null);

            assertThat(filed.getStatus()).isNotNull();
            assertThat(filed.getDueAt()).isAfter(filed.getReceivedAt());
            assertThat(page.getItems()).anyMatch(summary -> summary.getId().equals(filed.getId()));
        }

        @Test
        void refusalsAreApiExceptionsWithTheProblem() {
            for (Map.Entry<String, Integer> refused : Map.of("", 401, TestTokens.user(NO_ROLE_OF_OURS), 403).entrySet()) {
                assertThatThrownBy(() -> requests(refused.getKey().isEmpty() ? null : refused.getKey()).getRequest(UUID.randomUUID().toString()))
                        .isInstanceOfSatisfying(io.privacygate.client.dsr.ApiException.class, e -> assertProblem(e, refused.getValue(),
                                t -> e.getCode(), t -> e.getResponseBody(), t -> e.getResponseHeaders().map()));
            }
        }
    }
}

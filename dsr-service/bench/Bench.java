import io.privacygate.testing.bench.BenchKeys;
import io.privacygate.testing.bench.BenchTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dsr-service benchmark (see bench/run): keys, a client-credentials token endpoint standing in for
 * Keycloak, and the measured requests. Tokens are real RS256 JWTs; the services check them against the
 * static public key, as a production deployment checks Keycloak's.
 * <pre>
 *   java -cp &lt;testing&gt; Bench.java keys &lt;out&gt;
 *   java -cp &lt;testing&gt; Bench.java tokens &lt;out&gt; &lt;port&gt;
 *   java -cp &lt;testing&gt; Bench.java run &lt;out&gt; &lt;consent&gt; &lt;ingestion&gt; &lt;dsr&gt; &lt;ingestion jdbc url&gt; [--erase N] [--export N]
 * </pre>
 */
public final class Bench {
    static final String ISSUER = "privacy-gate-bench";
    static final String META_SECRET = "bench-meta-app-secret";
    static final String PURPOSE = "social-engagement";
    static final Duration GOAL_ERASURE = Duration.ofSeconds(5);
    static final Duration GOAL_EXPORT = Duration.ofSeconds(10);
    /** The roles each service account holds, as in the dev realm (deploy/keycloak). */
    static final Map<String, List<String>> CLIENT_ROLES = Map.of(
            "consent-service", List.of("audit-writer"),
            "ingestion-service", List.of("audit-writer", "consent-reader", "consent-writer", "dsr-intake"),
            "dsr-service", List.of("audit-writer", "consent-reader", "consent-writer", "dsr-executor"),
            "audit-service", List.of());

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[1]);
        switch (args[0]) {
            case "keys" -> keys(out);
            case "tokens" -> tokens(out, Integer.parseInt(args[2]));
            case "run" -> run(out, args);
            default -> throw new IllegalArgumentException("keys | tokens | run");
        }
    }

    static void keys(Path out) throws Exception {
        BenchKeys.write(out, CLIENT_ROLES.keySet().stream().map(service -> "master-" + service + ".key").toArray(String[]::new));
    }

    /** The OAuth 2.0 token endpoint of the client-credentials grant, for the four service accounts. */
    static void tokens(Path out, int port) throws Exception {
        new BenchTokens(BenchKeys.privateKey(out), ISSUER).serve(port, CLIENT_ROLES);
    }

    // ---------------------------------------------------------------------------------------------------------

    record Figure(String scenario, int interactions, Duration filedToCompleted, Duration goal, String detail) {
    }

    static void run(Path out, String[] args) throws Exception {
        String consent = args[2];
        String ingestion = args[3];
        String dsr = args[4];
        String ingestionJdbc = args[5];
        int erase = 100_000;
        int export = 10_000;
        for (int i = 6; i < args.length - 1; i++) {
            if (args[i].equals("--erase")) {
                erase = Integer.parseInt(args[i + 1]);
            }
            if (args[i].equals("--export")) {
                export = Integer.parseInt(args[i + 1]);
            }
        }
        BenchTokens tokens = new BenchTokens(BenchKeys.privateKey(out), ISSUER);
        String dpo = tokens.token("bench-dpo", null, BenchTokens.SUITE, List.of("dpo"), Duration.ofHours(1));
        ensurePurpose(consent, dpo);
        List<Figure> figures = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(ingestionJdbc, "postgres", "postgres")) {
            System.out.println("==> Warm-up: one small access and one small erasure (not reported)");
            measure("warm-up access", "ACCESS", subjectWith(consent, ingestion, db, dpo, 10), 10, dsr, dpo, GOAL_EXPORT, db);
            measure("warm-up erasure", "ERASURE", subjectWith(consent, ingestion, db, dpo, 10), 10, dsr, dpo, GOAL_ERASURE, db);

            System.out.printf("==> Seeding a subject with %,d interactions for the export%n", export);
            Subject forExport = subjectWith(consent, ingestion, db, dpo, export);
            System.out.printf("==> Seeding a subject with %,d interactions for the erasure%n", erase);
            Subject forErasure = subjectWith(consent, ingestion, db, dpo, erase);

            System.out.println("==> Export (ACCESS): filing, verification, fan-out, package, COMPLETED");
            figures.add(measure("export (Art. 15)", "ACCESS", forExport, export, dsr, dpo, GOAL_EXPORT, db));
            String executor = tokens.serviceAccount("dsr-service", CLIENT_ROLES.get("dsr-service"));
            Instant alone = Instant.now();
            expect(call("GET", ingestion + "/dsr/v1/subjects/" + forExport.subjectId(), executor, null), 200);
            System.out.printf(Locale.ROOT, "    (for comparison, ingestion-service's export of that subject alone, called directly: %,d ms)%n",
                    Duration.between(alone, Instant.now()).toMillis());
            System.out.println("==> Erasure: filing, verification, fan-out, receipts, Art. 19, COMPLETED");
            figures.add(measure("erasure (Art. 17)", "ERASURE", forErasure, erase, dsr, dpo, GOAL_ERASURE, db));
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n%-20s %14s %18s %8s %6s  %s%n", "scenario", "interactions",
                "filed→COMPLETED", "goal", "met", "detail"));
        for (Figure f : figures) {
            table.append(String.format(Locale.ROOT, "%-20s %,14d %16.2f s %6d s %6s  %s%n", f.scenario(), f.interactions(),
                    f.filedToCompleted().toMillis() / 1000.0, f.goal().toSeconds(),
                    f.filedToCompleted().compareTo(f.goal()) <= 0 ? "yes" : "NO", f.detail()));
        }
        System.out.print(table);
        Files.writeString(out.resolve("report.txt"), table.toString());
    }

    record Subject(String facebookId, UUID subjectId) {
    }

    static void ensurePurpose(String consent, String dpo) throws Exception {
        if (call("GET", consent + "/api/v1/purposes/" + PURPOSE, dpo, null).statusCode() == 200) {
            return;
        }
        String body = "{\"key\":\"" + PURPOSE + "\",\"title\":\"Social engagement\",\"description\":\"Comments on our pages\","
                + "\"legalBasis\":\"LEGITIMATE_INTERESTS\",\"dataCategories\":[\"name\",\"message-content\"],\"retention\":\"P1Y\","
                + "\"recipients\":[\"CRM Hosting GmbH\"],\"channels\":[\"facebook\"],\"noticeUrl\":\"https://example.org/notice\","
                + "\"noticeVersion\":\"1\",\"gpcApplies\":false}";
        expect(call("POST", consent + "/api/v1/purposes", dpo, body), 201);
    }

    /**
     * A subject with {@code count} interactions: one arrives through ingestion-service's Meta webhook and is
     * processed by its real pipeline (resolve, decide, encrypt, store, audit); the rest are copies of that row
     * made in its database, so the ciphertexts are real and decrypt under the subject's key.
     */
    static Subject subjectWith(String consent, String ingestion, Connection db, String dpo, int count) throws Exception {
        String facebookId = String.valueOf(1_000_000_000L + new SecureRandom().nextLong(8_000_000_000L));
        HttpResponse<String> resolved = expect(call("POST", consent + "/api/v1/subjects/resolve", dpo,
                "{\"identifiers\":[{\"type\":\"facebook\",\"value\":\"" + facebookId + "\"}]}"), 200);
        UUID subjectId = UUID.fromString(field(resolved.body(), "subjectId"));
        long now = Instant.now().getEpochSecond();
        byte[] webhook = ("{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE1\",\"time\":" + now + ",\"changes\":[{\"field\":\"feed\","
                + "\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"c-" + UUID.randomUUID() + "\",\"post_id\":\"PAGE1_1\","
                + "\"created_time\":" + now + ",\"from\":{\"id\":\"" + facebookId + "\",\"name\":\"Bench Person\"},"
                + "\"message\":\"A comment of about the length people write on a page, with a question at the end?\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(ingestion + "/webhooks/meta"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + hmac(webhook))
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook)).build();
        expect(HTTP.send(post, HttpResponse.BodyHandlers.ofString()), 200);
        Instant deadline = Instant.now().plusSeconds(60);
        while (count(db, subjectId) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ingestion-service did not store the seed interaction");
            }
            Thread.sleep(100);
        }
        if (count > 1) {
            try (PreparedStatement copy = db.prepareStatement("""
                    insert into interaction (id, subject_id, purpose, legal_basis, consent_event_id, channel, kind, categories,
                                             content_encrypted, restricted, source, occurred_at, stored_at, retain_until)
                    select gen_random_uuid(), i.subject_id, i.purpose, i.legal_basis, i.consent_event_id, i.channel, i.kind,
                           i.categories, i.content_encrypted, i.restricted, i.source, i.occurred_at - make_interval(secs => n),
                           i.stored_at, i.retain_until
                    from interaction i cross join generate_series(1, ?) n where i.subject_id = ?""")) {
                copy.setInt(1, count - 1);
                copy.setObject(2, subjectId);
                copy.executeUpdate();
            }
            try (PreparedStatement analyze = db.prepareStatement("analyze interaction")) {
                analyze.execute();
            }
        }
        if (count(db, subjectId) != count) {
            throw new IllegalStateException("seeding produced " + count(db, subjectId) + " interactions, not " + count);
        }
        return new Subject(facebookId, subjectId);
    }

    static Figure measure(String scenario, String type, Subject subject, int interactions, String dsr, String dpo,
                          Duration goal, Connection db) throws Exception {
        Instant filed = Instant.now();
        HttpResponse<String> created = expect(call("POST", dsr + "/api/v1/requests", dpo, "{\"type\":\"" + type
                + "\",\"channel\":\"bench\",\"identifiers\":[{\"type\":\"facebook\",\"value\":\"" + subject.facebookId() + "\"}]}"), 201);
        String id = field(created.body(), "id");
        expect(call("POST", dsr + "/api/v1/requests/" + id + "/verification", dpo,
                "{\"method\":\"OPERATOR_ATTESTED\",\"evidence\":\"benchmark\"}"), 200);
        String status = "";
        HttpResponse<String> view = null;
        Instant deadline = filed.plusSeconds(300);
        while (!status.equals("COMPLETED")) {
            if (Instant.now().isAfter(deadline) || status.equals("REJECTED")) {
                throw new IllegalStateException(scenario + " did not complete: " + (view == null ? "" : view.body()));
            }
            Thread.sleep(20);
            view = expect(call("GET", dsr + "/api/v1/requests/" + id, dpo, null), 200);
            status = field(view.body(), "status");
        }
        Duration took = Duration.between(filed, Instant.now());
        String slowest = slowestTask(view.body());
        String detail;
        if (type.equals("ACCESS")) {
            Instant start = Instant.now();
            HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(URI.create(dsr + "/api/v1/requests/" + id + "/export"))
                    .header("Authorization", "Bearer " + dpo).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            Duration download = Duration.between(start, Instant.now());
            if (zip.statusCode() != 200) {
                throw new IllegalStateException("export download answered " + zip.statusCode());
            }
            int rows = csvRows(zip.body(), "ingestion-service.interactions.csv");
            if (rows != interactions) {
                throw new IllegalStateException("the package holds " + rows + " interactions, not " + interactions);
            }
            detail = String.format(Locale.ROOT, "package %,d KiB, %,d interactions in it, download %d ms; %s",
                    zip.body().length / 1024, rows, download.toMillis(), slowest);
        } else {
            long left = count(db, subject.subjectId());
            if (left != 0) {
                throw new IllegalStateException(left + " interactions left after the erasure");
            }
            detail = "0 interactions left; outcome " + field(view.body(), "outcome") + "; " + slowest;
        }
        System.out.printf(Locale.ROOT, "    %s: %,d ms (%s)%n", scenario, took.toMillis(), detail);
        return new Figure(scenario, interactions, took, goal, detail);
    }

    /** Which task finished last, and when, counted from the verification (where the fan-out starts). */
    static String slowestTask(String view) {
        Instant verified = Instant.parse(field(view, "verifiedAt"));
        Matcher task = Pattern.compile("\\{\"participant\":\"([^\"]+)\",\"step\":\"([^\"]+)\"[^}]*\"completedAt\":\"([^\"]+)\"")
                .matcher(view);
        String slowest = "";
        Duration longest = Duration.ZERO;
        while (task.find()) {
            Duration after = Duration.between(verified, Instant.parse(task.group(3)));
            if (after.compareTo(longest) > 0) {
                longest = after;
                slowest = task.group(2) + " at " + task.group(1);
            }
        }
        return "last task " + slowest + " done " + longest.toMillis() + " ms after verification";
    }

    static int csvRows(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    return (int) csv.lines().count() - 1;
                }
            }
        }
        return -1;
    }

    static long count(Connection db, UUID subjectId) throws Exception {
        try (PreparedStatement statement = db.prepareStatement("select count(*) from interaction where subject_id = ?")) {
            statement.setObject(1, subjectId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(META_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static HttpResponse<String> call(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** The first string (or bare) value of a top-level field; enough for ids and statuses. */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no field " + name + " in " + json);
        }
        return matcher.group(1);
    }
}

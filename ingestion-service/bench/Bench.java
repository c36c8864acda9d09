import io.privacygate.testing.bench.BenchHost;
import io.privacygate.testing.bench.BenchKeys;
import io.privacygate.testing.bench.BenchTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingestion-service benchmark driver (JDK and the PostgreSQL driver only; run by bench/run).
 * <pre>
 * java -cp TESTING Bench.java keys DIR                           RSA key pair, master keys, a Meta app secret
 * java -cp TESTING Bench.java tokens DIR PORT                    a stand-in for Keycloak's token endpoint (client credentials)
 * java -cp TESTING Bench.java load DIR CONSENT INGESTION JDBC    seed, warm up, measure the ceiling and the deliveries
 *   --subjects N (10000) --deliveries N (100000) --clients N (32) --ceiling N (30000) --warmup N (5000)
 * </pre>
 * Tokens are RS256, signed with the key whose public half the services are configured with
 * ({@code quarkus.oidc.public-key}), shaped like Keycloak's (roles in {@code groups}). It only calls the
 * URLs it is given, which bench/run sets to 127.0.0.1.
 */
public final class Bench {
    static final String ISSUER = "https://bench.privacy-gate.invalid";
    static final String PURPOSE = "social-engagement";
    static final String PAGE = "100000000000001";
    static final long FIRST_USER = 7_000_000_000L;
    static final Map<String, List<String>> CLIENT_ROLES = Map.of(
            "ingestion-service", List.of("audit-writer", "consent-reader", "consent-writer", "dsr-intake"),
            "consent-service", List.of("audit-writer", "consent-notifier"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchTokens tokens;
    private final String appSecret;
    private final StringBuilder report = new StringBuilder();

    private Bench(BenchTokens tokens, String appSecret) {
        this.tokens = tokens;
        this.appSecret = appSecret;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "keys" -> keys(dir);
            case "tokens" -> bench(dir).tokens.serve(Integer.parseInt(args[2]), CLIENT_ROLES);
            case "load" -> {
                Map<String, Integer> options = new HashMap<>(Map.of("subjects", 10_000, "deliveries", 100_000,
                        "clients", 32, "ceiling", 30_000, "warmup", 5_000));
                for (int i = 5; i + 1 < args.length; i += 2) {
                    options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
                }
                int status = bench(dir).load(dir, args[2], args[3], args[4], options);
                System.exit(status);
            }
            default -> throw new IllegalArgumentException("keys, tokens or load");
        }
    }

    private static Bench bench(Path dir) throws Exception {
        return new Bench(new BenchTokens(BenchKeys.privateKey(dir), ISSUER), Files.readString(dir.resolve("meta-app-secret")).strip());
    }

    private static void keys(Path dir) throws Exception {
        BenchKeys.write(dir, "consent-master.key", "ingestion-master.key");
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Files.writeString(dir.resolve("meta-app-secret"), HexFormat.of().formatHex(secret));
    }

    private int load(Path dir, String consentUrl, String ingestionUrl, String jdbcUrl, Map<String, Integer> options) throws Exception {
        int subjects = options.get("subjects");
        int deliveries = options.get("deliveries");
        int clients = options.get("clients");
        String dpo = tokens.token("bench-dpo", "bench-dpo", BenchTokens.SUITE, List.of("dpo"), Duration.ofHours(4));
        String writer = tokens.serviceAccount("ingestion-service", CLIENT_ROLES.get("ingestion-service"));

        System.out.printf(Locale.ROOT, "==> Seeding %,d subjects with consent to %s%n", subjects, PURPOSE);
        call(consentUrl + "/api/v1/purposes", dpo, purposeJson(), 201, 409);
        long seedStart = System.nanoTime();
        Result seeded = fire(subjects, clients, i -> seedRequest(consentUrl, writer, i));
        System.out.printf(Locale.ROOT, "    %,d subjects in %.1f s (%d failures)%n", seeded.ok(), seconds(seedStart), seeded.failed());
        if (seeded.failed() > 0) {
            return 1;
        }

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            try (Statement statement = db.createStatement()) {
                statement.execute("create table if not exists bench_ceiling (id uuid primary key, body bytea not null, "
                        + "received_at timestamptz not null)");
            }
            int warmup = options.get("warmup");
            System.out.printf(Locale.ROOT, "==> Warming up: %,d deliveries and %,d ceiling inserts%n", warmup, warmup);
            List<byte[]> warmBodies = bodies(0, warmup, subjects);
            fire(warmup, clients, i -> delivery(ingestionUrl, warmBodies.get(i)));
            fire(warmup, clients, i -> ceiling(ingestionUrl, warmBodies.get(i)));
            awaitCount(db, "select count(*) from interaction", warmup, Duration.ofMinutes(5));

            int ceilingCount = options.get("ceiling");
            System.out.printf(Locale.ROOT, "==> Ceiling: %,d plain single-row inserts, %d clients%n", ceilingCount, clients);
            List<byte[]> ceilingBodies = bodies(warmup, ceilingCount, subjects);
            Result ceiling = fire(ceilingCount, clients, i -> ceiling(ingestionUrl, ceilingBodies.get(i)));
            if (ceiling.failed() > 0) {
                System.out.printf(Locale.ROOT, "    %,d ceiling inserts failed%n", ceiling.failed());
            }

            System.out.printf(Locale.ROOT, "==> Load: %,d signed Meta deliveries, %d clients%n", deliveries, clients);
            List<byte[]> loadBodies = bodies(warmup + ceilingCount, deliveries, subjects);
            long before = count(db, "select count(*) from interaction");
            Sampler sampler = new Sampler(db, before);
            Thread sampling = Thread.ofPlatform().daemon().start(sampler);
            String loadBefore = BenchHost.loadAverage();
            Result acked = fire(deliveries, clients, i -> delivery(ingestionUrl, loadBodies.get(i)));
            long ackedAtEnd = sampler.latest.get();
            String loadAtLastAck = BenchHost.loadAverage();
            long expected = before + acked.ok();
            boolean drained = sampler.awaitAtLeast(expected, Duration.ofMinutes(20));
            sampling.interrupt();
            long stored = count(db, "select count(*) from interaction") - before;
            long waiting = count(db, "select count(*) from inbox_delivery");
            long denied = count(db, "select count(*) from outbox_message where strpos(payload, '\"interaction.denied\"') > 0");
            long skipped = count(db, "select count(*) from outbox_message where strpos(payload, '\"interaction.skipped\"') > 0");
            long lost = acked.ok() - stored - denied - skipped - waiting;

            double processingSeconds = (sampler.doneAt - acked.startNanos) / 1e9;
            double processedRate = stored / processingSeconds;
            double duringLoadRate = (ackedAtEnd - before) / acked.seconds();
            report.append(String.format(Locale.ROOT, "%ningestion-service, %d cores, %,d subjects with consent, %d clients%n",
                    Runtime.getRuntime().availableProcessors(), subjects, clients));
            report.append(String.format(Locale.ROOT, "%-44s %-28s %s%n", "measure", "measured", "goal"));
            row("ceiling: plain single-row insert, req/s", rate(ceiling), "");
            row("deliveries acknowledged, req/s", rate(acked), "");
            row("  acknowledged / ceiling", String.format(Locale.ROOT, "%.0f %%", 100.0 * acked.rate() / ceiling.rate()),
                    ">= 50 %  " + verdict(acked.rate() >= 0.5 * ceiling.rate()));
            row("  ack latency p50 / p99, ms", String.format(Locale.ROOT, "%.1f / %.1f", acked.p50(), acked.p99()), "");
            row("events fully processed, events/s", String.format(Locale.ROOT, "%,.0f (%,d in %.1f s)", processedRate, stored,
                    processingSeconds), ">= 300  " + verdict(processedRate >= 300));
            row("  processed while deliveries came in, /s", String.format(Locale.ROOT, "%,.0f (%,d by the last ack)", duringLoadRate,
                    ackedAtEnd - before), ">= 300  " + verdict(duringLoadRate >= 300));
            row("  backlog drained after the last ack, s", String.format(Locale.ROOT, "%.1f", (sampler.doneAt - acked.endNanos) / 1e9), "");
            row("deliveries refused (non-2xx or errors)", String.valueOf(acked.failed()), "");
            row("acknowledged but lost", String.valueOf(lost), "0  " + verdict(lost == 0 && drained));
            row("  stored / denied / skipped / still waiting", stored + " / " + denied + " / " + skipped + " / " + waiting, "");
            row("load average (1/5/15 min), load start", loadBefore, "");
            row("  at the last ack / when drained", loadAtLastAck + " / " + BenchHost.loadAverage(), "");
            System.out.print(report);
            Files.writeString(dir.resolve("report.txt"), report.toString());
            return lost == 0 && drained && acked.failed() == 0 ? 0 : 2;
        }
    }

    /** The machine is shared: every figure goes with the load it was measured under. */
    private void row(String measure, String measured, String goal) {
        report.append(String.format(Locale.ROOT, "%-44s %-28s %s%n", measure, measured, goal));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT MET";
    }

    private static String rate(Result result) {
        return String.format(Locale.ROOT, "%,.0f (%,d in %.1f s)", result.rate(), result.ok(), result.seconds());
    }

    private static String purposeJson() {
        return "{\"key\":\"" + PURPOSE + "\",\"title\":\"Social engagement\",\"description\":\"Replies to comments\","
                + "\"legalBasis\":\"CONSENT\",\"dataCategories\":[\"name\",\"message-content\"],\"retention\":\"P1Y\","
                + "\"recipients\":[\"CRM team\"],\"channels\":[\"facebook\",\"crm\"],\"noticeUrl\":\"https://example.org/notice\","
                + "\"noticeVersion\":\"1\",\"noticeHash\":\"sha256:1\",\"gpcApplies\":false}";
    }

    /** Resolves subject i by its page-scoped id and records its consent. */
    private CompletableFuture<Boolean> seedRequest(String consentUrl, String token, int i) {
        String resolve = "{\"identifiers\":[{\"type\":\"facebook\",\"value\":\"" + (FIRST_USER + i) + "\"}]}";
        return http.sendAsync(post(consentUrl + "/api/v1/subjects/resolve", token, resolve), HttpResponse.BodyHandlers.ofString())
                .thenCompose(resolved -> {
                    Matcher id = Pattern.compile("\"subjectId\":\"([^\"]+)\"").matcher(resolved.body());
                    if (resolved.statusCode() != 200 || !id.find()) {
                        return CompletableFuture.completedFuture(false);
                    }
                    String consent = "{\"subjectId\":\"" + id.group(1) + "\",\"purpose\":\"" + PURPOSE + "\",\"state\":\"GRANTED\","
                            + "\"noticeVersion\":\"1\",\"collectionMethod\":\"bench\",\"evidence\":{\"source\":\"bench\"}}";
                    return http.sendAsync(post(consentUrl + "/api/v1/consents", token, consent), HttpResponse.BodyHandlers.discarding())
                            .thenApply(recorded -> recorded.statusCode() == 201);
                });
    }

    /** Page comments as Meta sends them (non-ASCII escaped), from the seeded subjects in turn, each comment id new. */
    private static List<byte[]> bodies(int offset, int count, int subjects) {
        List<byte[]> bodies = new ArrayList<>(count);
        long now = Instant.now().getEpochSecond();
        for (int n = offset; n < offset + count; n++) {
            long user = FIRST_USER + (n % subjects);
            bodies.add(("{\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":" + now + ",\"changes\":[{\"value\":{\"from\":{\"id\":\""
                    + user + "\",\"name\":\"Jos\\u00e9 N\\u00ba" + user + "\"},\"post\":{\"status_type\":\"added_photos\","
                    + "\"is_published\":true,\"id\":\"" + PAGE + "_42\"},\"message\":\"Coment\\u00e1rio " + n
                    + " \\u2014 \\u00f3timo servi\\u00e7o!\",\"post_id\":\"" + PAGE + "_42\",\"comment_id\":\"42_" + n
                    + "\",\"created_time\":" + now + ",\"item\":\"comment\",\"parent_id\":\"" + PAGE + "_42\",\"verb\":\"add\"},"
                    + "\"field\":\"feed\"}]}],\"object\":\"page\"}").getBytes(StandardCharsets.US_ASCII));
        }
        return bodies;
    }

    private CompletableFuture<Boolean> delivery(String ingestionUrl, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestionUrl + "/webhooks/meta"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 200);
    }

    private CompletableFuture<Boolean> ceiling(String ingestionUrl, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestionUrl + "/bench/ceiling"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 200);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private void call(String url, String token, String json, int... accepted) throws Exception {
        int status = http.send(post(url, token, json), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (Arrays.stream(accepted).noneMatch(s -> s == status)) {
            throw new IllegalStateException(url + " answered " + status);
        }
    }

    /** Sends {@code count} requests with at most {@code inFlight} at once; counts successes and latencies. */
    private static Result fire(int count, int inFlight, IntFunction<CompletableFuture<Boolean>> send) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[] latencies = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            int index = i;
            long sent = System.nanoTime();
            send.apply(i).whenComplete((success, error) -> {
                latencies[index] = System.nanoTime() - sent;
                (error == null && success ? ok : failed).incrementAndGet();
                slots.release();
            });
        }
        slots.acquire(inFlight);
        long end = System.nanoTime();
        Arrays.sort(latencies);
        return new Result(ok.get(), failed.get(), start, end, latencies);
    }

    record Result(long ok, long failed, long startNanos, long endNanos, long[] sortedLatencies) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double rate() {
            return ok / seconds();
        }

        double p50() {
            return sortedLatencies[sortedLatencies.length / 2] / 1e6;
        }

        double p99() {
            return sortedLatencies[(int) (sortedLatencies.length * 0.99)] / 1e6;
        }
    }

    /** Follows how many interactions are stored, and notes when a target is reached. */
    static final class Sampler implements Runnable {
        final AtomicLong latest;
        private final Connection db;
        volatile long target = Long.MAX_VALUE;
        volatile long doneAt;

        Sampler(Connection db, long start) {
            this.db = db;
            this.latest = new AtomicLong(start);
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long now = count(db, "select count(*) from interaction");
                    latest.set(now);
                    if (now >= target && doneAt == 0) {
                        doneAt = System.nanoTime();
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("sampling failed: " + e.getMessage());
                }
            }
        }

        boolean awaitAtLeast(long expected, Duration timeout) throws InterruptedException {
            target = expected;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (doneAt == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (doneAt == 0) {
                doneAt = System.nanoTime();
                return false;
            }
            return true;
        }
    }

    private static void awaitCount(Connection db, String sql, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(db, sql) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + expected + " rows: " + sql);
            }
            Thread.sleep(200);
        }
    }

    static synchronized long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

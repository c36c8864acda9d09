package io.privacygate.consent.bench;

import io.privacygate.consent.it.PackagedService;
import io.privacygate.consent.it.ServiceConfig;
import io.privacygate.consent.it.StaticKeyTokens;
import io.privacygate.testing.PostgresTestResource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The consent-service benchmark (run by {@code consent-service/bench/run}): embedded PostgreSQL, the
 * packaged service verifying RS256 tokens against a static key, N subjects and 10 purposes, a warm-up,
 * then wrk at 32 connections against the ceiling ({@code GET /api/v1/me}), single decisions and batches
 * of 500. Everything runs on 127.0.0.1 and everything started is stopped, also on SIGTERM.
 */
public final class ConsentBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern RESULT = Pattern.compile("BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
            + "p90_us=(\\d+) p99_us=(\\d+) errors=(\\d+) non2xx=(\\d+)");
    private static final Pattern SUBJECT_LOADS =
            Pattern.compile("consent_decision_state_loads_total\\{kind=\"subject\",?}\\s+([0-9.E]+)");
    private static final List<String> CONSENT_PURPOSES = IntStream.range(0, 5).mapToObj(i -> "bench-consent-" + i).toList();
    private static final Map<String, String> OTHER_PURPOSES = Map.of("bench-contract", "CONTRACT",
            "bench-obligation", "LEGAL_OBLIGATION", "bench-interest-0", "LEGITIMATE_INTERESTS",
            "bench-interest-1", "LEGITIMATE_INTERESTS", "bench-task", "PUBLIC_TASK");
    private static final int BATCH = 500;

    private final Options options;
    private final Path module;
    private final Path work;
    private final Random random = new Random(42);
    private volatile Process wrk;
    private PostgresTestResource database;
    private PackagedService service;

    private ConsentBenchmark(Options options, Path module) {
        this.options = options;
        this.module = module;
        this.work = module.resolve("target/bench");
    }

    record Options(int subjects, int seconds, int warmupSeconds, int connections, int threads) {
        static Options parse(String[] args) {
            boolean quick = List.of(args).contains("--quick");
            int subjects = quick ? 2_000 : 100_000;
            int seconds = quick ? 3 : 20;
            int warmup = quick ? 2 : 10;
            for (int i = 0; i < args.length - 1; i++) {
                switch (args[i]) {
                    case "--subjects" -> subjects = Integer.parseInt(args[i + 1]);
                    case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                    case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                    default -> {
                    }
                }
            }
            return new Options(subjects, seconds, warmup, 32, 2);
        }
    }

    record Result(String name, double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, long errors, long non2xx) {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".").toAbsolutePath().normalize();
        ConsentBenchmark bench = new ConsentBenchmark(Options.parse(args), module);
        Thread cleanup = new Thread(bench::stopAll, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            bench.run();
        } finally {
            bench.stopAll();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        System.out.printf("consent-service benchmark: %d subjects, 10 purposes, wrk -t%d -c%d, %ds per run after %ds warm-up%n",
                options.subjects(), options.threads(), options.connections(), options.seconds(), options.warmupSeconds());

        database = new PostgresTestResource();
        Map<String, String> datasource = database.start();
        StaticKeyTokens tokens = new StaticKeyTokens();
        service = PackagedService.start("bench-consent-service", module, ServiceConfig.of(datasource, tokens, ServiceConfig.newMasterKey()),
                List.of("-Xms512m", "-Xmx1g"));
        service.awaitReady(Duration.ofSeconds(120));
        System.out.printf("service pid %d at %s%n", service.pid(), service.url());

        String dpo = tokens.token("bench-dpo", Duration.ofHours(2), "dpo");
        String reader = tokens.token("bench-reader", Duration.ofHours(2), "consent-reader");
        long seeding = System.nanoTime();
        seedPurposes(dpo);
        seedSubjects(datasource);
        System.out.printf("seeded in %.1f s%n", (System.nanoTime() - seeding) / 1e9);

        long warming = System.nanoTime();
        loadEverySubjectOnce(reader);
        System.out.printf("every subject decided once (cache loaded) in %.1f s%n", (System.nanoTime() - warming) / 1e9);

        Path decisions = writeBodies("decisions.jsonl", 20_000, 1);
        Path batches = writeBodies("batches.jsonl", 40, BATCH);
        List<String> auth = List.of("-H", "Authorization: Bearer " + reader);
        List<String> json = List.of("-H", "Authorization: Bearer " + reader, "-H", "Content-Type: application/json");

        double loadsBefore = subjectLoads();
        Result health = measure("GET /q/health/live", "/q/health/live", List.of(), null);
        Result ceiling = measure("GET /api/v1/me (ceiling)", "/api/v1/me", auth, null);
        Result single = measure("POST /api/v1/decisions", "/api/v1/decisions", json, decisions);
        Result batch = measure("POST /api/v1/decisions/batch (500)", "/api/v1/decisions/batch", json, batches);
        double loadsDuring = subjectLoads() - loadsBefore;

        report(health, ceiling, single, batch, loadsDuring);
    }

    private void seedPurposes(String dpo) throws IOException, InterruptedException {
        for (String key : CONSENT_PURPOSES) {
            createPurpose(dpo, key, "CONSENT", key.endsWith("0"));
        }
        for (Map.Entry<String, String> other : OTHER_PURPOSES.entrySet()) {
            createPurpose(dpo, other.getKey(), other.getValue(), false);
        }
    }

    private void createPurpose(String dpo, String key, String basis, boolean gpc) throws IOException, InterruptedException {
        String body = """
                {"key":"%s","title":"Benchmark %s","legalBasis":"%s","dataCategories":["email","profile"],"retention":"P1Y",
                 "recipients":["CRM"],"channels":["email","web","sms"],"noticeUrl":"https://example.org/notice/%s",
                 "noticeVersion":"1","basisReference":"Benchmark reference","gpcApplies":%s}""".formatted(key, key, basis, key, gpc);
        HttpResponse<String> created = post("/api/v1/purposes", dpo, body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Purpose " + key + " not created: " + created.statusCode() + " " + created.body());
        }
        if ("LEGITIMATE_INTERESTS".equals(basis)) {
            // A legitimate-interests purpose is a draft until its balancing test is recorded and it is activated (#20).
            HttpResponse<String> tested = send("PUT", "/api/v1/purposes/" + key + "/balancing-test", dpo,
                    "{\"interest\":\"Benchmark\",\"necessity\":\"Benchmark\",\"balance\":\"Benchmark\"}");
            HttpResponse<String> activated = post("/api/v1/purposes/" + key + "/activation", dpo, "");
            if (tested.statusCode() != 200 || activated.statusCode() != 200) {
                throw new IllegalStateException("Purpose " + key + " not activated: " + activated.statusCode());
            }
        }
    }

    /**
     * Subjects and their consent events are written with SQL: a decision by subject id reads neither
     * identifiers nor keys, so the benchmark does not spend minutes encrypting identifiers it never uses.
     * About 94% of subjects have an event per consent purpose, 13 in 16 of them a grant; 1 in 50 is restricted.
     */
    private void seedSubjects(Map<String, String> datasource) throws SQLException {
        try (Connection db = DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"), datasource.get("quarkus.datasource.password"));
             Statement sql = db.createStatement()) {
            sql.execute("insert into subject (id, restricted, created_at) select " + subjectIdSql("i")
                    + ", i % 50 = 0, now() from generate_series(0, " + (options.subjects() - 1) + ") i");
            String purposes = CONSENT_PURPOSES.stream().map(p -> "('" + p + "')").collect(Collectors.joining(","));
            sql.execute("""
                    insert into consent_event (id, receipt_id, subject_id, purpose_key, purpose_version, state, notice_version,
                                               collection_method, captured_at, recorded_at, recorded_by)
                    select gen_random_uuid(), gen_random_uuid(), s.id, p.key, 1,
                           case when (hashtext(s.id::text || p.key) & 15) < 13 then 'GRANTED' else 'WITHDRAWN' end,
                           '1', 'bench-seed', now(), now(), 'bench'
                    from subject s cross join (values %s) as p(key)
                    where (hashtext(s.id::text || p.key) & 15) < 15""".formatted(purposes));
            sql.execute("analyze");
        }
    }

    private static String subjectIdSql(String index) {
        return "('00000000-0000-4000-8000-' || lpad(" + index + "::text, 12, '0'))::uuid";
    }

    private static String subjectId(int index) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", index);
    }

    /** One batch per 500 subjects, in order: every subject's state is then in the service's memory. */
    private void loadEverySubjectOnce(String reader) throws IOException, InterruptedException {
        for (int from = 0; from < options.subjects(); from += BATCH) {
            int to = Math.min(options.subjects(), from + BATCH);
            String body = IntStream.range(from, to).mapToObj(this::query).collect(Collectors.joining(",", "{\"queries\":[", "]}"));
            HttpResponse<String> answer = post("/api/v1/decisions/batch", reader, body);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Warm-up batch failed: " + answer.statusCode() + " " + answer.body());
            }
        }
    }

    private String query(int subject) {
        List<String> all = new ArrayList<>(CONSENT_PURPOSES);
        all.addAll(OTHER_PURPOSES.keySet().stream().sorted().toList());
        return "{\"subjectId\":\"" + subjectId(subject) + "\",\"purpose\":\"" + all.get(random.nextInt(all.size()))
                + "\",\"channel\":\"email\"}";
    }

    /** Request bodies for wrk, one per line: a random subject and purpose per query. */
    private Path writeBodies(String name, int lines, int queriesPerBody) throws IOException {
        List<String> bodies = new ArrayList<>(lines);
        for (int line = 0; line < lines; line++) {
            if (queriesPerBody == 1) {
                bodies.add(query(random.nextInt(options.subjects())));
            } else {
                bodies.add(IntStream.range(0, queriesPerBody).mapToObj(i -> query(random.nextInt(options.subjects())))
                        .collect(Collectors.joining(",", "{\"queries\":[", "]}")));
            }
        }
        return Files.write(work.resolve(name), bodies);
    }

    private Result measure(String name, String path, List<String> headers, Path bodies) throws IOException, InterruptedException {
        wrk(path, headers, bodies, options.warmupSeconds());
        Result result = parse(name, wrk(path, headers, bodies, options.seconds()));
        System.out.printf("  %-36s %10.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", name,
                result.requestsPerSecond(), result.p50Ms(), result.p99Ms(), result.errors());
        return result;
    }

    private String wrk(String path, List<String> headers, Path bodies, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + options.threads(), "-c" + options.connections(),
                "-d" + seconds + "s", "--timeout", "10s", "-s", module.resolve("bench/wrk.lua").toString()));
        command.addAll(headers);
        command.add(service.url() + path);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BODIES", bodies == null ? "" : bodies.toString());
        Process started = builder.start();
        wrk = started;
        String output = new String(started.getInputStream().readAllBytes());
        if (!started.waitFor(seconds + 30L, TimeUnit.SECONDS) || started.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        wrk = null;
        return output;
    }

    private static Result parse(String name, String output) {
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("No result from wrk:\n" + output);
        }
        double seconds = Long.parseLong(m.group(2)) / 1e6;
        return new Result(name, Long.parseLong(m.group(1)) / seconds, Long.parseLong(m.group(3)) / 1e3,
                Long.parseLong(m.group(4)) / 1e3, Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)),
                Long.parseLong(m.group(7)));
    }

    private void report(Result health, Result ceiling, Result single, Result batch, double loadsDuring) {
        double throughputRatio = single.requestsPerSecond() / ceiling.requestsPerSecond();
        double p99Ratio = single.p99Ms() / ceiling.p99Ms();
        double batchDecisions = batch.requestsPerSecond() * BATCH;
        System.out.println();
        System.out.println("| endpoint | req/s | decisions/s | p50 ms | p90 ms | p99 ms | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Result r : List.of(health, ceiling, single, batch)) {
            long perRequest = r == single ? 1 : r == batch ? BATCH : 0;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %.2f | %.2f | %.2f | %d |%n", r.name(), r.requestsPerSecond(),
                    perRequest == 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.requestsPerSecond() * perRequest),
                    r.p50Ms(), r.p90Ms(), r.p99Ms(), r.errors());
        }
        System.out.println();
        System.out.println("| ratio | value | goal | met |");
        System.out.println("|---|---:|---:|---|");
        System.out.printf(Locale.ROOT, "| ceiling / health throughput | %.2f | (reference) | |%n",
                ceiling.requestsPerSecond() / health.requestsPerSecond());
        System.out.printf(Locale.ROOT, "| decisions / ceiling throughput | %.2f | >= 0.70 | %s |%n", throughputRatio, yes(throughputRatio >= 0.70));
        System.out.printf(Locale.ROOT, "| decisions / ceiling p99 | %.2f | <= 1.50 | %s |%n", p99Ratio, yes(p99Ratio <= 1.5));
        System.out.printf(Locale.ROOT, "| batch decisions/s | %.0f | >= 20000 | %s |%n", batchDecisions, yes(batchDecisions >= 20_000));
        System.out.printf(Locale.ROOT, "%nsubject states read from the database while measuring: %.0f (0 means every decision came from memory)%n",
                loadsDuring);
        if (List.of(health, ceiling, single, batch).stream().anyMatch(r -> r.errors() > 0 || r.requestsPerSecond() == 0)) {
            System.out.println("WARNING: some requests failed or none completed; these figures are not valid.");
        }
    }

    private static String yes(boolean met) {
        return met ? "yes" : "NO";
    }

    private double subjectLoads() throws IOException, InterruptedException {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = SUBJECT_LOADS.matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return send("POST", path, token, body);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private synchronized void stopAll() {
        Process running = wrk;
        if (running != null) {
            running.destroyForcibly();
        }
        try {
            if (service != null) {
                service.close();
                service = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            database.stop();
            database = null;
        }
    }
}

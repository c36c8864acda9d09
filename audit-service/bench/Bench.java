import io.privacygate.testing.bench.BenchHost;
import io.privacygate.testing.bench.BenchKeys;
import io.privacygate.testing.bench.BenchTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit-service benchmark client (JDK only; run by bench/run).
 * <pre>
 * java Bench.java keys DIR                 an RSA key pair for the service's static OIDC key, and a master key
 * java Bench.java load DIR URL [options]   appends, proofs, verification; prints figures against the goals
 *   --events N (1000000) --batch N (500) --clients N (4) --proofs N (2000)
 * java Bench.java appends DIR URL [options] appends only, a mix of the events the detection rules look at;
 *   --detection 1 also waits for detection to catch up; writes appends-on.txt or appends-off.txt
 * java Bench.java ratio DIR                the rates with detection on and off, their ratio (goal >= 0.8)
 * java Bench.java interleaved DIR URL_OFF URL_ON [options] the same two append runs against two services running side
 *   by side (rules off, rules on), in alternating rounds; --rounds N (10); writes both files and rounds.txt
 * </pre>
 * It only ever calls the URL it is given, which bench/run sets to 127.0.0.1.
 */
public final class Bench {
    private static final String ISSUER = "privacy-gate-bench";
    private static final List<String> SENDERS = List.of("consent-service", "ingestion-service", "dsr-service");
    private static final String WRITER = "audit-writer:";
    private static final Pattern TREE_SIZE = Pattern.compile("\"treeSize\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Path dir;
    private final Map<String, String> tokens = new HashMap<>();

    private Bench(String url, Path dir, BenchTokens signer) {
        this.url = url;
        this.dir = dir;
        for (String role : List.of("auditor", "dpo")) {
            tokens.put(role, token(signer, role, "bench"));
        }
        // Each service appends only in its own name (azp), so every sender has a token of its own.
        for (String sender : SENDERS) {
            tokens.put(WRITER + sender, token(signer, "audit-writer", sender));
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("keys")) {
            BenchKeys.write(dir, "master.key");
            return;
        }
        if (args[0].equals("ratio")) {
            ratio(dir);
            return;
        }
        Map<String, Integer> options = new HashMap<>(Map.of("events", 1_000_000, "batch", 500, "clients", 4, "proofs", 2000,
                "detection", 0, "rounds", 10));
        boolean interleaved = args[0].equals("interleaved");
        for (int i = interleaved ? 4 : 3; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
        }
        BenchTokens signer = new BenchTokens(BenchKeys.privateKey(dir), ISSUER);
        Bench bench = new Bench(args[2], dir, signer);
        if (interleaved) {
            interleaved(bench, new Bench(args[3], dir, signer), options, dir);
        } else if (args[0].equals("appends")) {
            bench.appendsOnly(options);
        } else {
            bench.run(options);
        }
    }

    /** A service-account token for audit-service, valid for four hours, with the role in {@code groups}. */
    private static String token(BenchTokens signer, String role, String clientId) {
        return signer.token("service-account-" + clientId, clientId, List.of("audit-service"), List.of(role), Duration.ofHours(4));
    }

    private void run(Map<String, Integer> options) throws Exception {
        int events = options.get("events");
        int batch = options.get("batch");
        int proofs = options.get("proofs");
        long before = treeSize(call("POST", "/api/v1/checkpoints", "dpo", null, Duration.ofSeconds(30)));

        double appendSeconds = appendAll(events, batch, options.get("clients"), Bench::batchBody);
        String checkpoint = call("POST", "/api/v1/checkpoints", "dpo", null, Duration.ofSeconds(30));
        long size = treeSize(checkpoint);
        if (size != before + events) {
            throw new IllegalStateException("The tree holds " + size + " entries, expected " + (before + events));
        }

        Random random = new Random(42);
        double[] inclusion = latencies(proofs, () -> "/api/v1/proofs/inclusion?index=" + (long) (random.nextDouble() * size)
                + "&treeSize=" + size, "auditor");
        double[] consistency = latencies(proofs, () -> "/api/v1/proofs/consistency?from=" + (1 + (long) (random.nextDouble() * (size - 1)))
                + "&to=" + size, "auditor");

        // Issue #24: random full level-0 tiles (c2sp.org/tlog-tiles), read as the public reads them (no token), once
        // every full tile has been built by a first read: the timed reads are the "already built" case.
        long fullTiles = size / 256;
        for (long tile = 0; tile < fullTiles; tile++) {
            call("GET", "/tile/0/" + tileIndex(tile), null, null, Duration.ofSeconds(10));
        }
        double[] tiles = fullTiles == 0 ? new double[]{Double.NaN, Double.NaN}
                : latencies(proofs, () -> "/tile/0/" + tileIndex((long) (random.nextDouble() * fullTiles)), null);

        long start = System.nanoTime();
        String report = call("POST", "/api/v1/verification", "auditor", null, Duration.ofMinutes(15));
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        boolean valid = report.contains("\"valid\":true");

        saveForTheOfflineVerifier(size, random);

        double appendRate = events / appendSeconds;
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nFigures at %,d entries (%d cores, appends in batches of %d by %d clients)%n",
                size, Runtime.getRuntime().availableProcessors(), batch, options.get("clients")));
        table.append(String.format(Locale.ROOT, "%-34s %-22s %-14s %s%n", "measure", "measured", "goal", ""));
        row(table, "appends/s", String.format(Locale.ROOT, "%,.0f (%,.1f s)", appendRate, appendSeconds), ">= 5,000", appendRate >= 5000);
        row(table, "inclusion proof p50 / p99 (ms)", String.format(Locale.ROOT, "%.2f / %.2f", inclusion[0], inclusion[1]),
                "p99 <= 10", inclusion[1] <= 10);
        row(table, "consistency proof p50 / p99 (ms)", String.format(Locale.ROOT, "%.2f / %.2f", consistency[0], consistency[1]),
                "p99 <= 10", consistency[1] <= 10);
        row(table, "full tile p50 / p99 (ms)", String.format(Locale.ROOT, "%.2f / %.2f", tiles[0], tiles[1]),
                "p99 <= 5", tiles[1] <= 5);
        row(table, "full verification (s)", String.format(Locale.ROOT, "%.1f (%s)", verifySeconds, valid ? "valid" : "NOT VALID"),
                "<= 60", verifySeconds <= 60 && valid);
        System.out.print(table);
        Files.writeString(dir.resolve("report.txt"), table.toString());
    }

    private static void row(StringBuilder table, String measure, String measured, String goal, boolean met) {
        table.append(String.format(Locale.ROOT, "%-34s %-22s %-14s %s%n", measure, measured, goal, met ? "met" : "NOT MET"));
    }

    /**
     * The append benchmark alone, over {@link #mixedBody}: the rate, and with detection on how long the rules took
     * to evaluate everything after the last append, and how many alerts they raised.
     */
    private void appendsOnly(Map<String, Integer> options) throws Exception {
        int events = options.get("events");
        boolean detection = options.get("detection") == 1;
        int warmUp = events / 4;
        System.out.printf(Locale.ROOT, "  warming up with %,d events (not timed)%n", warmUp);
        appendAll(warmUp, options.get("batch"), options.get("clients"), Bench::mixedBody);
        double warmCatchUp = detection ? awaitDetection() : 0;
        if (detection) {
            System.out.printf(Locale.ROOT, "  detection caught up with the warm-up after %.1f s%n", warmCatchUp);
        }
        double busyBefore = metric("privacygate_audit_detection_chunk_seconds_sum");
        double seconds = appendAll(events, options.get("batch"), options.get("clients"),
                (from, to) -> mixedBody(warmUp + from, warmUp + to));
        double catchUp = detection ? awaitDetection() : 0;
        double busy = metric("privacygate_audit_detection_chunk_seconds_sum") - busyBefore;
        double alerts = detection ? metric("privacygate_audit_alerts_raised_total") : 0;
        String line = String.format(Locale.ROOT, "%d %.3f %.1f %.0f %.2f%n", events, seconds, catchUp, alerts, busy);
        Files.writeString(dir.resolve(detection ? "appends-on.txt" : "appends-off.txt"), line);
        System.out.printf(Locale.ROOT, "  %,d events in %.1f s: %,.0f appends/s%s%n", events, seconds, events / seconds,
                detection ? String.format(Locale.ROOT, "; detection busy %.2f s, caught up %.1f s after the last append, "
                        + "%.0f alert(s)", busy, catchUp, alerts) : "");
    }

    /**
     * The two append runs side by side: {@code off} and {@code on} are services on databases of their own, with every
     * rule off and on. The events are appended in rounds, alternately off then on and on then off, so that whatever
     * else loads a shared machine falls on both alike; after each round on {@code on}, detection catches up untimed
     * (as in the run alone, where it catches up after the last append), so its work never runs during a round of
     * {@code off}. Writes the totals as the runs alone do, and each pair of rounds' ratio.
     */
    private static void interleaved(Bench off, Bench on, Map<String, Integer> options, Path dir) throws Exception {
        int events = options.get("events");
        int rounds = options.get("rounds");
        int batch = options.get("batch");
        int clients = options.get("clients");
        int warmUp = events / 4;
        int perRound = (events / rounds / batch) * batch;
        for (Bench side : List.of(off, on)) {
            System.out.printf(Locale.ROOT, "  warming up %s with %,d events (not timed)%n", side == on ? "rules on" : "rules off", warmUp);
            side.appendAll(warmUp, batch, clients, Bench::mixedBody);
        }
        on.awaitDetection();
        double busyBefore = on.metric("privacygate_audit_detection_chunk_seconds_sum");
        double[] secondsOff = new double[rounds];
        double[] secondsOn = new double[rounds];
        double catchUp = 0;
        for (int round = 0; round < rounds; round++) {
            int first = warmUp + round * perRound;
            BiFunction<Integer, Integer, Map<String, String>> bodies = (from, to) -> mixedBody(first + from, first + to);
            for (Bench side : round % 2 == 0 ? List.of(off, on) : List.of(on, off)) {
                double seconds = side.appendAll(perRound, batch, clients, bodies);
                if (side == on) {
                    secondsOn[round] = seconds;
                    catchUp = on.awaitDetection();
                } else {
                    secondsOff[round] = seconds;
                }
            }
            System.out.printf(Locale.ROOT, "  round %d of %d: rules off %,.0f/s, rules on %,.0f/s (ratio %.2f; load %s)%n", round + 1,
                    rounds, perRound / secondsOff[round], perRound / secondsOn[round], secondsOff[round] / secondsOn[round], BenchHost.loadAverage());
        }
        double busy = on.metric("privacygate_audit_detection_chunk_seconds_sum") - busyBefore;
        double alerts = on.metric("privacygate_audit_alerts_raised_total");
        long total = (long) perRound * rounds;
        Files.writeString(dir.resolve("appends-off.txt"), String.format(Locale.ROOT, "%d %.3f 0 0 0%n", total, Arrays.stream(secondsOff).sum()));
        Files.writeString(dir.resolve("appends-on.txt"), String.format(Locale.ROOT, "%d %.3f %.1f %.0f %.2f%n", total,
                Arrays.stream(secondsOn).sum(), catchUp, alerts, busy));
        StringBuilder ratios = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            ratios.append(String.format(Locale.ROOT, "%.4f%n", secondsOff[round] / secondsOn[round]));
        }
        Files.writeString(dir.resolve("rounds.txt"), ratios.toString());
    }

    /** Seconds until detection has evaluated every entry; polls its lag after a round has surely run. */
    private double awaitDetection() throws Exception {
        long start = System.nanoTime();
        Thread.sleep(1500);
        while (metric("privacygate_audit_detection_lag") > 0) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The sum of a metric's samples in the Prometheus text at /q/metrics. */
    private double metric(String name) throws Exception {
        double sum = 0;
        for (String line : call("GET", "/q/metrics", null, null, Duration.ofSeconds(10)).split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static void ratio(Path dir) throws Exception {
        String[] off = Files.readString(dir.resolve("appends-off.txt")).strip().split(" ");
        String[] on = Files.readString(dir.resolve("appends-on.txt")).strip().split(" ");
        double rateOff = Long.parseLong(off[0]) / Double.parseDouble(off[1]);
        double rateOn = Long.parseLong(on[0]) / Double.parseDouble(on[1]);
        double ratio = rateOn / rateOff;
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nAppends with detection rules off and on (%s events each, %d cores)%n",
                String.format(Locale.ROOT, "%,d", Long.parseLong(off[0])), Runtime.getRuntime().availableProcessors()));
        table.append(String.format(Locale.ROOT, "%-34s %-22s %-14s %s%n", "measure", "measured", "goal", ""));
        row(table, "appends/s, rules off", String.format(Locale.ROOT, "%,.0f", rateOff), "", true);
        row(table, "appends/s, rules on", String.format(Locale.ROOT, "%,.0f", rateOn), "", true);
        row(table, "ratio on / off", String.format(Locale.ROOT, "%.2f", ratio), ">= 0.8", ratio >= 0.8);
        Path rounds = dir.resolve("rounds.txt");
        if (Files.exists(rounds)) {
            double[] each = Files.readAllLines(rounds).stream().mapToDouble(Double::parseDouble).sorted().toArray();
            double median = each.length % 2 == 1 ? each[each.length / 2] : (each[each.length / 2 - 1] + each[each.length / 2]) / 2;
            row(table, "median ratio of " + each.length + " rounds", String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", median,
                    each[0], each[each.length - 1]), ">= 0.8", median >= 0.8);
        }
        table.append(String.format(Locale.ROOT, "%-34s %-22s%n", "load average at the end", BenchHost.loadAverage()));
        table.append(String.format(Locale.ROOT, "%-34s %-22s%n", "detection busy evaluating (s)", on[4]));
        table.append(String.format(Locale.ROOT, "%-34s %-22s%n", "detection caught up after (s)", on[2]));
        table.append(String.format(Locale.ROOT, "%-34s %-22s%n", "alerts raised", on[3]));
        System.out.print(table);
        Files.writeString(dir.resolve("report.txt"), table.toString());
    }

    /**
     * Appends {@code events} events in batches from several clients; answers the wall time in seconds. A batch is
     * one body per sending service (each appends only in its own name), sent one after the other.
     */
    private double appendAll(int events, int batchSize, int clients, BiFunction<Integer, Integer, Map<String, String>> bodies)
            throws Exception {
        int batches = (events + batchSize - 1) / batchSize;
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<Double> batchMillis = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    int from = (int) (b * batchSize);
                    Map<String, String> bySender = bodies.apply(from, Math.min(events, from + batchSize));
                    long t = System.nanoTime();
                    for (Map.Entry<String, String> body : bySender.entrySet()) {
                        call("POST", "/api/v1/events", WRITER + body.getKey(), body.getValue(), Duration.ofSeconds(120));
                    }
                    batchMillis.add((System.nanoTime() - t) / 1e6);
                    long finished = done.incrementAndGet();
                    if (finished % Math.max(1, batches / 10) == 0) {
                        System.out.printf(Locale.ROOT, "  appended %,d events (%.0f/s so far)%n", finished * batchSize,
                                finished * batchSize / ((System.nanoTime() - start) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] p = percentiles(batchMillis.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "  batch latency p50 %.1f ms, p99 %.1f ms%n", p[0], p[1]);
        return seconds;
    }

    /** Events as the services' outbox relays send them: random UUID ids, pseudonymous subjects, a few details. */
    private static Map<String, String> batchBody(int from, int to) {
        StringBuilder body = new StringBuilder(300 * (to - from) + 16).append("{\"events\":[");
        String now = Instant.now().toString();
        for (int n = from; n < to; n++) {
            if (n > from) {
                body.append(',');
            }
            body.append("{\"eventId\":\"").append(UUID.randomUUID())
                    .append("\",\"occurredAt\":\"").append(now)
                    .append("\",\"service\":\"ingestion-service\",\"actor\":\"client:ingestion-service\",\"action\":\"interaction.stored\"")
                    .append(",\"subjectRef\":\"").append(new UUID(0x5eed_0000_0000_4000L, n % 50_000 | 0x8000_0000_0000_0000L))
                    .append("\",\"purpose\":\"social-engagement\",\"legalBasis\":\"LEGITIMATE_INTERESTS\",\"outcome\":\"SUCCESS\"")
                    .append(",\"details\":{\"platform\":\"instagram\",\"kind\":\"comment\",\"batch\":\"").append(n / 500).append("\"}}");
        }
        return Map.of("ingestion-service", body.append("]}").toString());
    }

    /**
     * A mix of the events the detection rules look at, the same in both runs. Half are stored interactions; a fifth
     * are CRM reads by 200 agents of subjects stored before (one in a hundred for a purpose never stored, which the
     * purpose rule reports); a twentieth are 401s from 1,000 sources; a few are key-provider failures and overdue
     * requests; the rest are consents, which no rule reads. Event n happened at 100 ms x n on a simulated clock
     * (10 events a second): the windows see the density of a busy day, not of a benchmark that replays a day in
     * seconds, in which every agent would look like a bulk export. Each service appends only in its own name, so the
     * events come back as one body per sending service, each in the order of n.
     */
    private static Map<String, String> mixedBody(int from, int to) {
        Map<String, StringBuilder> bySender = new LinkedHashMap<>();
        for (int n = from; n < to; n++) {
            long draw = draw(n);
            String agent = "user:" + new UUID(0xa6e7_0000_0000_4000L, n % 200 | 0x8000_0000_0000_0000L);
            String service;
            StringBuilder event = new StringBuilder(300);
            if (draw < 500) {
                service = "ingestion-service";
                event.append("\"actor\":\"system:ingestion-service\",\"action\":\"interaction.stored\"")
                        .append(",\"subjectRef\":\"").append(subject(n)).append("\",\"purpose\":\"social-engagement\"")
                        .append(",\"legalBasis\":\"LEGITIMATE_INTERESTS\",\"outcome\":\"SUCCESS\",\"details\":{\"kind\":\"comment\"}}");
            } else if (draw < 700) {
                service = "ingestion-service";
                String purpose = n % 100 == 0 ? "profiling" : "social-engagement";
                event.append("\"actor\":\"").append(agent).append("\",\"action\":\"crm.read\"")
                        .append(",\"subjectRef\":\"").append(storedBefore(n)).append("\",\"purpose\":\"").append(purpose)
                        .append("\",\"legalBasis\":\"LEGITIMATE_INTERESTS\",\"outcome\":\"SUCCESS\",\"details\":{\"items\":\"1\"}}");
            } else if (draw < 750) {
                service = "consent-service";
                event.append("\"actor\":\"anonymous\",\"action\":\"access.denied\"")
                        .append(",\"outcome\":\"DENIED\",\"details\":{\"count\":\"1\",\"interval\":\"PT1M\",\"status\":\"401\"")
                        .append(",\"source\":\"hmac-sha256:").append(String.format(Locale.ROOT, "%032x", n % 1000)).append("\"}}");
            } else if (draw < 752) {
                service = SENDERS.get(n % 3);
                event.append("\"actor\":\"system:").append(service)
                        .append("\",\"action\":\"crypto.key-unavailable\",\"outcome\":\"FAILURE\"")
                        .append(",\"details\":{\"count\":\"1\",\"interval\":\"PT1M\"}}");
            } else if (draw < 753) {
                service = "dsr-service";
                event.append("\"actor\":\"client:dsr-service\",\"action\":\"dsr.request.overdue\"")
                        .append(",\"subjectRef\":\"").append(subject(n)).append("\",\"outcome\":\"FAILURE\",\"details\":{\"requestId\":\"")
                        .append(UUID.randomUUID()).append("\"}}");
            } else {
                service = "consent-service";
                event.append("\"actor\":\"").append(agent).append("\",\"action\":\"consent.granted\"")
                        .append(",\"subjectRef\":\"").append(subject(n)).append("\",\"purpose\":\"marketing-leads\"")
                        .append(",\"legalBasis\":\"CONSENT\",\"outcome\":\"SUCCESS\",\"details\":{\"noticeVersion\":\"3\"}}");
            }
            StringBuilder body = bySender.get(service);
            if (body == null) {
                body = new StringBuilder(300 * (to - from) + 16).append("{\"events\":[");
                bySender.put(service, body);
            } else {
                body.append(',');
            }
            body.append("{\"eventId\":\"").append(UUID.randomUUID()).append("\",\"occurredAt\":\"")
                    .append(SIMULATED_START.plusMillis(100L * n)).append("\",\"service\":\"").append(service).append("\",")
                    .append(event);
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        bySender.forEach((service, body) -> bodies.put(service, body.append("]}").toString()));
        return bodies;
    }

    private static final Instant SIMULATED_START = Instant.parse("2026-11-01T08:00:00Z");

    /** Which kind event n is, uniformly over every thousand events (761 is prime to 1,000). */
    private static long draw(int n) {
        return Math.floorMod(n * 2654435761L, 1000L);
    }

    private static String subject(int n) {
        return new UUID(0x5eed_0000_0000_4000L, n % 50_000 | 0x8000_0000_0000_0000L).toString();
    }

    /** The subject of a stored interaction some way before event n (n itself if there is none). */
    private static String storedBefore(int n) {
        int skip = n % 40;
        for (int m = n - 1; m >= 0; m--) {
            if (draw(m) < 500 && skip-- == 0) {
                return subject(m);
            }
        }
        return subject(n);
    }

    /** A tile index as c2sp.org/tlog-tiles writes it: 3-digit elements, all but the last starting with x. */
    private static String tileIndex(long n) {
        StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "%03d", n % 1000));
        for (long rest = n / 1000; rest > 0; rest /= 1000) {
            path.insert(0, String.format(Locale.ROOT, "x%03d/", rest % 1000));
        }
        return path.toString();
    }

    /** p50 and p99 of {@code count} sequential GETs after 1,000 warm-up calls, with the role's token (none if null). */
    private double[] latencies(int count, java.util.function.Supplier<String> paths, String role) throws Exception {
        for (int i = 0; i < 1000; i++) {
            call("GET", paths.get(), role, null, Duration.ofSeconds(10));
        }
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            String path = paths.get();
            long t = System.nanoTime();
            call("GET", path, role, null, Duration.ofSeconds(10));
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        return percentiles(millis);
    }

    private static double[] percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[]{sorted[(int) Math.floor(0.50 * (sorted.length - 1))], sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]};
    }

    /** The files an auditor would save, so bench/run can check one entry with the offline verifier. */
    private void saveForTheOfflineVerifier(long size, Random random) throws Exception {
        long index = (long) (random.nextDouble() * size);
        Files.writeString(dir.resolve("checkpoint.json"), call("GET", "/api/v1/checkpoints/latest", "auditor", null, Duration.ofSeconds(10)));
        Files.writeString(dir.resolve("keys.json"), call("GET", "/api/v1/checkpoints/keys", null, null, Duration.ofSeconds(10)));
        Files.writeString(dir.resolve("entry.json"), call("GET", "/api/v1/entries/" + index, "auditor", null, Duration.ofSeconds(10)));
        Files.writeString(dir.resolve("proof.json"), call("GET", "/api/v1/proofs/inclusion?index=" + index + "&treeSize=" + size,
                "auditor", null, Duration.ofSeconds(10)));
    }

    private String call(String method, String path, String role, String body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (role != null) {
            request.header("Authorization", "Bearer " + tokens.get(role));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path.replaceFirst("\\?.*", "") + " answered " + response.statusCode()
                    + ": " + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    private static long treeSize(String checkpoint) {
        Matcher matcher = TREE_SIZE.matcher(checkpoint);
        if (!matcher.find()) {
            throw new IllegalStateException("No treeSize in " + checkpoint);
        }
        return Long.parseLong(matcher.group(1));
    }
}

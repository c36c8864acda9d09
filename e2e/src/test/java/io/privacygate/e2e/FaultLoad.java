package io.privacygate.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steady load of FaultsIT, through the balancers, as the outside world sends it:
 * <ul>
 *   <li>signed Messenger deliveries, one message from each of a few thousand people, retried until acknowledged with
 *       the same body, as Meta retries a delivery that got no 200 (the inbox's digest makes a retry a no-op);</li>
 *   <li>consents and withdrawals: a consent, then a decision from each consent-service replica (asked directly, so
 *       that each has it cached), then the withdrawal, after whose 201 each replica is asked until it denies;</li>
 *   <li>data subject requests of every type, for people whose message was acknowledged, each filed with an
 *       Idempotency-Key and retried with it;</li>
 *   <li>the audit log's published checkpoint, read from each audit-service replica, and checkpoints asked of each.</li>
 * </ul>
 * Everything is counted per phase (the fault under way when it happened).
 */
final class FaultLoad {
    static final String CONSENT = "http://127.0.0.1:8081";
    static final String INGESTION = "http://127.0.0.1:8082";
    static final String DSR = "http://127.0.0.1:8083";
    static final List<String> CONSENT_REPLICAS = List.of("http://127.0.0.1:9081", "http://127.0.0.1:10081");
    static final List<String> AUDIT_REPLICAS = List.of("http://127.0.0.1:9084", "http://127.0.0.1:10084");
    static final List<String> DSR_TYPES = List.of("ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION");
    /** How long after the withdrawal's 201 a replica is asked before its permit counts as never withdrawn. */
    static final Duration STALE_LIMIT = Duration.ofSeconds(10);
    private static final Pattern CHECKPOINT = Pattern.compile("\\A([^\\n]+)\\n(\\d+)\\n([A-Za-z0-9+/=]+)\\n");

    /** What happened during one phase. */
    static final class Phase {
        final String name;
        final LongAdder requests = new LongAdder();
        final LongAdder acknowledged = new LongAdder();
        final LongAdder unanswered = new LongAdder();
        final List<Long> withdrawalGapsMillis = Collections.synchronizedList(new ArrayList<>());
        volatile long settleMillis = -1;

        Phase(String name) {
            this.name = name;
        }
    }

    /** A data subject request filed by the load. */
    record Filed(String id, String type, String person) {
    }

    private final String run = Long.toString(System.currentTimeMillis());
    private final int people;
    private final double deliveriesPerSecond;
    private final Tokens tokens = new Tokens();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Phase> phases = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Phase phase;
    private volatile boolean running;
    private volatile long retryUntilNanos = Long.MAX_VALUE;

    private final List<String> persons = new ArrayList<>();
    private final Map<String, UUID> subjects = new HashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, String> acknowledgedIn = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> forRequests = new ConcurrentLinkedQueue<>();
    private final List<Filed> filed = Collections.synchronizedList(new ArrayList<>());
    private final LongAdder filingsAbandoned = new LongAdder();
    private final AtomicInteger consentPeople = new AtomicInteger();
    private final LongAdder warmPermits = new LongAdder();
    private final LongAdder staleWithdrawals = new LongAdder();
    private final Map<Long, String> checkpointRoots = new ConcurrentHashMap<>();
    private final List<String> forks = Collections.synchronizedList(new ArrayList<>());
    private final LongAdder checkpointsRead = new LongAdder();

    FaultLoad(int people, double deliveriesPerSecond) {
        this.people = people;
        this.deliveriesPerSecond = deliveriesPerSecond;
        phase("steady load");
    }

    /** The people who will write, each known to consent-service before the load starts (resolve/batch, 500 a call). */
    void prepare() {
        for (int i = 0; i < people; i++) {
            persons.add("61" + run + String.format("%05d", i));
        }
        for (int from = 0; from < people; from += 500) {
            List<String> batch = persons.subList(from, Math.min(people, from + 500));
            StringBuilder body = new StringBuilder("{\"people\":[");
            for (int i = 0; i < batch.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"identifiers\":[{\"type\":\"facebook\",\"value\":\"")
                        .append(batch.get(i)).append("\"}]}");
            }
            Http.Answer answer = Http.post(CONSENT + "/api/v1/subjects/resolve/batch", tokens.service("ingestion-service"),
                    body.append("]}").toString(), Map.of());
            if (!answer.ok()) {
                throw new IllegalStateException("resolve/batch answered " + answer.status() + ": " + answer.body());
            }
            Matcher ids = Pattern.compile("\"subjectId\":\"([0-9a-f-]{36})\"").matcher(answer.body());
            for (String person : batch) {
                if (!ids.find()) {
                    throw new IllegalStateException("resolve/batch answered fewer subjects than people");
                }
                subjects.put(person, UUID.fromString(ids.group(1)));
            }
        }
    }

    void start() {
        running = true;
        threads.submit(this::deliveries);
        threads.submit(this::consentsAndWithdrawals);
        threads.submit(this::consentsAndWithdrawals);
        threads.submit(this::requests);
        threads.submit(this::checkpoints);
    }

    /** From now on, what happens is counted under this phase. */
    Phase phase(String name) {
        Phase next = phases.computeIfAbsent(name, Phase::new);
        phase = next;
        return next;
    }

    /** Stops making new work; deliveries and filings under way keep retrying for at most {@code retries} more. */
    void stop(Duration retries) throws InterruptedException {
        running = false;
        retryUntilNanos = System.nanoTime() + retries.toNanos();
        threads.shutdown();
        if (!threads.awaitTermination(retries.toSeconds() + 60, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    private void deliveries() {
        long interval = (long) (1_000_000_000L / deliveriesPerSecond);
        long next = System.nanoTime();
        for (String person : persons) {
            if (!running) {
                return;
            }
            threads.submit(() -> deliver(person));
            sent.incrementAndGet();
            next += interval;
            sleepUntil(next);
        }
    }

    /** One message from the person, signed as Meta signs; sent again, byte for byte, until a 200. */
    private void deliver(String person) {
        long now = System.currentTimeMillis();
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1234567890\",\"time\":" + now / 1000 + ",\"messaging\":[{"
                + "\"sender\":{\"id\":\"" + person + "\"},\"recipient\":{\"id\":\"1234567890\"},\"timestamp\":" + now
                + ",\"message\":{\"mid\":\"m_faults_" + person + "\",\"text\":\"Where is my order? " + person + "\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        String json = new String(body, StandardCharsets.UTF_8);
        Map<String, String> signature = Map.of("X-Hub-Signature-256", "sha256=" + PrivacyFlowIT.hmacHex(body));
        while (System.nanoTime() < retryUntilNanos) {
            Phase during = phase;
            during.requests.increment();
            Http.Answer answer = Http.post(INGESTION + "/webhooks/meta", null, json, signature);
            if (answer.status() == 200) {
                during.acknowledged.increment();
                acknowledgedIn.put(person, during.name);
                forRequests.add(person);
                return;
            }
            during.unanswered.increment();
            pause(500);
        }
    }

    private void consentsAndWithdrawals() {
        while (running) {
            String person = "62" + run + String.format("%05d", consentPeople.getAndIncrement());
            Phase during = phase;
            during.requests.increment();
            Http.Answer granted = Http.post(CONSENT + "/api/v1/consents", tokens.service("ingestion-service"), """
                    {"identifiers":[{"type":"facebook","value":"%s"}],"purpose":"marketing-leads","state":"GRANTED",
                     "noticeVersion":"1","collectionMethod":"meta-lead-form",
                     "evidence":{"source":"https://www.facebook.com/ads/lead_gen","formId":"faults"}}""".formatted(person),
                    Map.of());
            if (granted.status() != 201) {
                during.unanswered.increment();
                pause(200);
                continue;
            }
            during.acknowledged.increment();
            Matcher id = Pattern.compile("\"subjectId\":\"([0-9a-f-]{36})\"").matcher(granted.body());
            if (!id.find()) {
                throw new IllegalStateException("a consent's answer names no subject");
            }
            withdrawAndWatch(id.group(1));
            // A person a second per loop: enough withdrawals for a p99, without the loops becoming the load.
            pause(1_000);
        }
    }

    private void withdrawAndWatch(String subjectId) {
        String decision = "{\"subjectId\":\"" + subjectId + "\",\"purpose\":\"marketing-leads\",\"channel\":\"facebook\"}";
        for (String replica : CONSENT_REPLICAS) {
            Boolean permitted = permitted(replica, decision);
            if (Boolean.TRUE.equals(permitted)) {
                warmPermits.increment();
            }
        }
        Phase during = phase;
        during.requests.increment();
        Http.Answer withdrawn = Http.post(CONSENT + "/api/v1/consents", tokens.service("ingestion-service"),
                "{\"subjectId\":\"" + subjectId + "\",\"purpose\":\"marketing-leads\",\"state\":\"WITHDRAWN\","
                        + "\"collectionMethod\":\"privacy-center\"}", Map.of());
        if (withdrawn.status() != 201) {
            during.unanswered.increment();
            return;
        }
        during.acknowledged.increment();
        long committed = System.nanoTime();
        long lastPermit = committed;
        boolean stale = false;
        for (String replica : CONSENT_REPLICAS) {
            while (true) {
                Boolean permitted = permitted(replica, decision);
                long now = System.nanoTime();
                if (Boolean.FALSE.equals(permitted)) {
                    break;
                }
                if (Boolean.TRUE.equals(permitted)) {
                    lastPermit = Math.max(lastPermit, now);
                }
                if (now - committed > STALE_LIMIT.toNanos()) {
                    // A replica that never answers (it is down) cannot permit; one that still permits is stale.
                    stale |= Boolean.TRUE.equals(permitted);
                    break;
                }
                pause(Boolean.TRUE.equals(permitted) ? 10 : 200);
            }
        }
        if (stale) {
            staleWithdrawals.increment();
        }
        during.withdrawalGapsMillis.add(stale ? STALE_LIMIT.toMillis() : TimeUnit.NANOSECONDS.toMillis(lastPermit - committed));
    }

    /** A replica's decision, or null if it gave none (down, or an error). */
    private Boolean permitted(String replica, String decision) {
        phase.requests.increment();
        Http.Answer answer = Http.post(replica + "/api/v1/decisions", tokens.service("ingestion-service"), decision, Map.of());
        if (answer.status() != 200) {
            return null;
        }
        return answer.body().contains("\"permitted\":true");
    }

    private void requests() {
        int n = 0;
        while (running) {
            pause(2_500);
            String person = forRequests.poll();
            if (person == null) {
                continue;
            }
            String type = DSR_TYPES.get(n++ % DSR_TYPES.size());
            threads.submit(() -> file(type, person));
        }
    }

    /** Files and verifies one request; the filing is retried with its Idempotency-Key until answered. */
    private void file(String type, String person) {
        String key = UUID.randomUUID().toString();
        String rectification = type.equals("RECTIFICATION") ? ",\"rectification\":{\"fields\":{\"name\":\"Rectified " + person + "\"}}" : "";
        String body = "{\"type\":\"" + type + "\",\"identifiers\":[{\"type\":\"facebook\",\"value\":\"" + person + "\"}],"
                + "\"channel\":\"email\",\"details\":\"faults " + type + "\"" + rectification + "}";
        String id = null;
        while (id == null && System.nanoTime() < retryUntilNanos) {
            Phase during = phase;
            during.requests.increment();
            Http.Answer answer = Http.post(DSR + "/api/v1/requests", tokens.user("demo-operator"), body, Map.of("Idempotency-Key", key));
            Matcher created = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer.body());
            if ((answer.status() == 201 || answer.status() == 200) && created.find()) {
                during.acknowledged.increment();
                id = created.group(1);
            } else {
                during.unanswered.increment();
                pause(1_000);
            }
        }
        if (id == null) {
            filingsAbandoned.increment();
            return;
        }
        filed.add(new Filed(id, type, person));
        while (System.nanoTime() < retryUntilNanos) {
            Phase during = phase;
            during.requests.increment();
            Http.Answer verified = Http.post(DSR + "/api/v1/requests/" + id + "/verification", tokens.user("demo-operator"),
                    "{\"method\":\"OPERATOR_ATTESTED\",\"evidence\":\"Checked the requester's reply from the address on file\"}",
                    Map.of());
            // 409: verified already, by an earlier attempt whose answer was lost.
            if (verified.ok() || verified.status() == 409) {
                during.acknowledged.increment();
                return;
            }
            during.unanswered.increment();
            pause(1_000);
        }
    }

    /** Each audit-service replica's published checkpoint, read as the public reads it; and a checkpoint asked of each. */
    private void checkpoints() {
        int round = 0;
        while (running) {
            for (String replica : AUDIT_REPLICAS) {
                Http.Answer note = Http.get(replica + "/checkpoint", null);
                Matcher checkpoint = CHECKPOINT.matcher(note.body());
                if (note.status() == 200 && checkpoint.find()) {
                    checkpointsRead.increment();
                    long size = Long.parseLong(checkpoint.group(2));
                    String root = checkpoint.group(3);
                    String first = checkpointRoots.putIfAbsent(size, root);
                    if (first != null && !first.equals(root)) {
                        forks.add("size " + size + ": " + first + " and " + root + " (from " + replica + ")");
                    }
                }
            }
            if (round++ % 5 == 0) {
                String replica = AUDIT_REPLICAS.get(round % AUDIT_REPLICAS.size());
                Http.post(replica + "/api/v1/checkpoints", tokens.user("demo-dpo"), "", Map.of());
            }
            pause(2_000);
        }
    }

    Map<String, Phase> phases() {
        synchronized (phases) {
            return new LinkedHashMap<>(phases);
        }
    }

    int sent() {
        return sent.get();
    }

    /** The people whose delivery was acknowledged, and in which phase. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledgedIn);
    }

    UUID subjectOf(String person) {
        return subjects.get(person);
    }

    List<String> persons() {
        return List.copyOf(persons.subList(0, sent.get()));
    }

    List<Filed> filed() {
        return List.copyOf(filed);
    }

    long filingsAbandoned() {
        return filingsAbandoned.sum();
    }

    long warmPermits() {
        return warmPermits.sum();
    }

    long staleWithdrawals() {
        return staleWithdrawals.sum();
    }

    List<String> forks() {
        return List.copyOf(forks);
    }

    long checkpointsRead() {
        return checkpointsRead.sum();
    }

    Set<Long> checkpointSizesSeen() {
        return Set.copyOf(checkpointRoots.keySet());
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            pause(TimeUnit.NANOSECONDS.toMillis(wait));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

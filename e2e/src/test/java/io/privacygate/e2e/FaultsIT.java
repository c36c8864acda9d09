package io.privacygate.e2e;

import io.privacygate.testing.Witness;
import io.restassured.path.json.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/**
 * Issue #25: two of everything, and faults. The suite runs with two instances of each service behind HAProxy
 * ({@code bin/privacy-gate up --replicas 2}); while {@link FaultLoad} sends its steady load through the balancers,
 * the faults come one after the other, each followed by the wait until what piled up during it has drained (its
 * settle time): a {@code kill -9} of one instance of each service and its restart; audit-service entirely down for
 * 60 s; consent-service entirely down for 30 s; a restart of PostgreSQL; a rolling restart of every service (each
 * service one instance at a time, the four services at once, as their PodDisruptionBudgets allow).
 * <p>
 * Once the load has stopped and the suite has settled: every acknowledged delivery is in the CRM exactly once, every
 * request is COMPLETED with its receipts, the audit log is whole (each event once, the Merkle tree verifies against
 * every checkpoint, no two checkpoints of one size differ, as stored, as published by either replica, and as the
 * witnesses saw them), and after each withdrawal no replica answered "permit" for longer than the goal. The figures
 * per fault go to {@code target/faults-report.md} (and the output), for the root README's reliability section.
 * <p>
 * {@code -Dfaults.people} (3000) sets how many people write at most, {@code -Dfaults.rate} (8/s) how fast.
 * <p>
 * It runs with {@code -Dprivacy-gate.faults=true} ({@code bin/mvnw verify -Dprivacy-gate.faults=true}, or
 * {@code bench/run}'s faults step): about 15 to 25 minutes on two cores, and it has not yet passed end to end in a
 * clean CI run, so the default {@code bin/mvnw verify} leaves it out until it has (issue 25 stays open).
 */
@EnabledIfSystemProperty(named = "privacy-gate.faults", matches = "true")
@ExtendWith(Suite.class)
@Suite.Replicas(2)
@Order(Integer.MAX_VALUE)
class FaultsIT {
    private static final List<String> SERVICES = List.of("consent-service", "ingestion-service", "dsr-service", "audit-service");
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(180);
    private static final long WITHDRAWAL_GOAL_MILLIS = 1_000;

    private final FaultLoad load = new FaultLoad(Integer.getInteger("faults.people", 3000),
            Double.parseDouble(System.getProperty("faults.rate", "8")));

    @Test
    void nothingIsLostDoubledOrStaleWhileInstancesDieAndTheDatabaseRestarts() throws Exception {
        String dpo = Keycloak.user("demo-dpo");
        PrivacyFlowIT.definePurpose(dpo, "marketing-leads", "CONSENT", List.of("contact", "name", "form-answers"), true);
        PrivacyFlowIT.definePurpose(dpo, "customer-support", "CONTRACT", List.of("name", "message-content"), false);
        List<Integer> refusalsBefore = Suite.witnesses().stream().map(w -> w.refusals().size()).toList();
        load.prepare();
        load.start();
        Instant began = Instant.now();
        pause(Duration.ofSeconds(20));

        for (int i = 0; i < SERVICES.size(); i++) {
            String instance = SERVICES.get(i) + "-" + (i % 2 + 1);
            fault("kill -9 " + instance, () -> {
                privacyGate("kill", instance);
                privacyGate("start", instance);
            });
        }
        fault("audit-service down 60 s", () -> {
            privacyGate("stop", "audit-service");
            pause(Duration.ofSeconds(60));
            privacyGate("start", "audit-service");
        });
        fault("consent-service down 30 s", () -> {
            privacyGate("stop", "consent-service");
            pause(Duration.ofSeconds(30));
            privacyGate("start", "consent-service");
        });
        fault("PostgreSQL restart", () -> privacyGate("restart", "postgres"));
        fault("rolling restart of every service", () -> {
            List<Process> restarts = new ArrayList<>();
            for (String service : SERVICES) {
                restarts.add(Suite.command("restart", service).inheritIO().start());
            }
            for (Process restart : restarts) {
                if (!restart.waitFor(10, TimeUnit.MINUTES) || restart.exitValue() != 0) {
                    throw new IllegalStateException("a rolling restart failed");
                }
            }
        });

        load.phase("after the faults");
        pause(Duration.ofSeconds(10));
        Instant stopped = Instant.now();
        load.stop(Duration.ofSeconds(120));
        long settleMillis = awaitEverythingDone();
        FaultLoad.Phase last = load.phases().get("after the faults");
        last.settleMillis = settleMillis;

        SoftAssertions softly = new SoftAssertions();
        Map<String, Stats> stats = crmChecks(softly);
        requestChecks(softly);
        auditChecks(softly, refusalsBefore);
        withdrawalChecks(softly);
        report(stats, Duration.between(began, stopped), settleMillis);
        softly.assertAll();
    }

    /**
     * Runs one fault under the load, then waits until what piled up while it lasted has drained. With
     * {@code -Dfaults.only=NAME,...} only the faults whose names contain one of those run (bench/run's "faults" row
     * runs {@code kill -9 ingestion-service} alone).
     */
    private void fault(String name, Action action) throws Exception {
        String only = System.getProperty("faults.only", "");
        if (!only.isBlank() && java.util.Arrays.stream(only.split(",")).noneMatch(name::contains)) {
            return;
        }
        FaultLoad.Phase phase = load.phase(name);
        System.out.printf("%n==> FaultsIT: %s (load continuing)%n", name);
        action.run();
        Instant repaired = Instant.now();
        phase.settleMillis = awaitSettled(repaired);
        System.out.printf("==> FaultsIT: %s repaired; settled after %d ms%n", name, phase.settleMillis);
    }

    /**
     * The time from {@code since} until nothing received or queued before it is still waiting: no inbox delivery,
     * and no outbox message of any service (to audit-service, to ingestion-service, the webhooks) from before then.
     */
    private static long awaitSettled(Instant since) {
        Timestamp before = Timestamp.from(since);
        long started = System.nanoTime();
        while (System.nanoTime() - started < SETTLE_LIMIT.toNanos()) {
            try {
                long waiting = Databases.count("ingestion", "select count(*) from inbox_delivery where received_at < ?", before);
                for (String database : List.of("consent", "ingestion", "dsr", "audit")) {
                    waiting += Databases.count(database, "select count(*) from outbox_message where created_at < ?", before);
                }
                if (waiting == 0) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            } catch (IllegalStateException databaseNotBack) {
                // PostgreSQL is still starting: not settled yet.
            }
            pause(Duration.ofMillis(250));
        }
        return -1;
    }

    /** After the load: the time until the backlog has drained and every request filed is COMPLETED. */
    private long awaitEverythingDone() {
        long started = System.nanoTime();
        awaitSettled(Instant.now());
        String operator = Keycloak.user("demo-operator");
        for (FaultLoad.Filed request : load.filed()) {
            while (System.nanoTime() - started < SETTLE_LIMIT.toNanos()) {
                String status = given().auth().oauth2(operator).get(FaultLoad.DSR + "/api/v1/requests/" + request.id())
                        .then().extract().path("status");
                if ("COMPLETED".equals(status)) {
                    break;
                }
                pause(Duration.ofMillis(500));
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Per phase, what the CRM holds for the people whose message was acknowledged then: exactly one interaction. */
    private Map<String, Stats> crmChecks(SoftAssertions softly) {
        Map<String, Long> stored = Databases.counts("ingestion", "select subject_id::text, count(*) from interaction group by subject_id");
        Map<String, String> acknowledged = load.acknowledged();
        java.util.Set<String> erased = load.filed().stream().filter(r -> r.type().equals("ERASURE"))
                .map(FaultLoad.Filed::person).collect(Collectors.toSet());
        Map<String, Stats> stats = new HashMap<>();
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        for (String person : load.persons()) {
            long held = stored.getOrDefault(load.subjectOf(person).toString(), 0L);
            String phase = acknowledged.get(person);
            if (erased.contains(person)) {
                softly.assertThat(held).as("interactions left after the erasure of subject %s", load.subjectOf(person)).isZero();
                continue;
            }
            if (phase == null) {
                continue;
            }
            Stats of = stats.computeIfAbsent(phase, p -> new Stats());
            if (held == 0) {
                of.lost++;
                lost.add(load.subjectOf(person) + " (acknowledged during " + phase + ")");
            } else if (held > 1) {
                of.duplicated++;
                doubled.add(load.subjectOf(person) + " (" + held + " rows, acknowledged during " + phase + ")");
            }
        }
        softly.assertThat(acknowledged.size()).as("deliveries acknowledged of those sent").isEqualTo(load.sent());
        softly.assertThat(lost).as("acknowledged deliveries that never reached the CRM").isEmpty();
        softly.assertThat(doubled).as("deliveries stored more than once in the CRM").isEmpty();
        return stats;
    }

    /** Every request filed is COMPLETED, each task done, with its receipts. */
    private void requestChecks(SoftAssertions softly) {
        String operator = Keycloak.user("demo-operator");
        softly.assertThat(load.filingsAbandoned()).as("filings never answered").isZero();
        softly.assertThat(load.filed().stream().map(FaultLoad.Filed::type).distinct().count()).as("request types filed")
                .isEqualTo(FaultLoad.DSR_TYPES.size());
        for (FaultLoad.Filed request : load.filed()) {
            JsonPath view = given().auth().oauth2(operator).get(FaultLoad.DSR + "/api/v1/requests/" + request.id())
                    .then().statusCode(200).extract().jsonPath();
            String what = request.type() + " " + request.id();
            softly.assertThat(view.getString("status")).as("status of %s", what).isEqualTo("COMPLETED");
            softly.assertThat(view.getList("tasks.status", String.class)).as("tasks of %s", what)
                    .isNotEmpty().allMatch("DONE"::equals);
            switch (request.type()) {
                case "ERASURE" -> softly.assertThat(view.getList("answer.erasure.system", String.class))
                        .as("erasure receipts of %s", what).contains("consent-service", "ingestion-service");
                case "ACCESS", "PORTABILITY" -> softly.assertThat(view.getBoolean("answer.export.available"))
                        .as("package of %s", what).isTrue();
                case "RESTRICTION" -> softly.assertThat(view.getList("answer.restrictedIn", String.class))
                        .as("restriction receipts of %s", what).contains("ingestion-service");
                default -> softly.assertThat(view.getString("outcome")).as("outcome of %s", what).isNotNull();
            }
        }
    }

    /** The audit log is whole: as stored, as each replica published it, and as the witnesses saw it. */
    private void auditChecks(SoftAssertions softly, List<Integer> refusalsBefore) {
        for (String database : List.of("consent", "ingestion", "dsr")) {
            // Events written while the requests completed are still on their way: each gets the settle limit to arrive.
            long started = System.nanoTime();
            long waiting;
            while ((waiting = Databases.count(database, "select count(*) from outbox_message where destination = ?", "audit")) > 0
                    && System.nanoTime() - started < SETTLE_LIMIT.toNanos()) {
                pause(Duration.ofMillis(500));
            }
            softly.assertThat(waiting).as("events of %s never appended to the audit log", database).isZero();
        }
        AuditLogCheck log = AuditLogCheck.run();
        System.out.printf("==> FaultsIT: audit log of %d entries checked against %d checkpoints%n", log.entries, log.checkpoints);
        softly.assertThat(log.problems).as("the audit log as stored").isEmpty();
        softly.assertThat(log.checkpoints).as("checkpoints signed during the run").isGreaterThan(1);
        softly.assertThat(load.forks()).as("two published checkpoints of one size with different roots").isEmpty();
        softly.assertThat(load.checkpointsRead()).as("checkpoints read from the replicas").isPositive();
        for (int i = 0; i < Suite.witnesses().size(); i++) {
            Witness witness = Suite.witnesses().get(i);
            List<String> refusals = witness.refusals();
            softly.assertThat(refusals.subList(refusalsBefore.get(i), refusals.size()))
                    .as("checkpoints a witness refused as inconsistent with one it cosigned").noneMatch(r -> r.startsWith("422"));
        }
        JsonPath verification = given().auth().oauth2(Keycloak.user("demo-auditor"))
                .post("http://127.0.0.1:8084/api/v1/verification").then().statusCode(200).extract().jsonPath();
        softly.assertThat(verification.getBoolean("valid")).as("audit-service's own verification").isTrue();
    }

    private void withdrawalChecks(SoftAssertions softly) {
        List<Long> gaps = load.phases().values().stream().flatMap(p -> p.withdrawalGapsMillis.stream()).toList();
        // A p99 wants some hundred withdrawals, which the whole run gives; one fault alone (faults.only) fewer.
        softly.assertThat(gaps).as("withdrawals measured")
                .hasSizeGreaterThan(System.getProperty("faults.only", "").isBlank() ? 50 : 0);
        softly.assertThat(load.warmPermits()).as("permits cached before the withdrawals").isPositive();
        softly.assertThat(load.staleWithdrawals()).as("withdrawals a replica still permitted %s after they committed",
                FaultLoad.STALE_LIMIT).isZero();
        softly.assertThat(percentile(gaps, 0.99)).as("withdrawal visibility on every replica, p99 (ms)")
                .isLessThan(WITHDRAWAL_GOAL_MILLIS);
    }

    private void report(Map<String, Stats> crm, Duration loaded, long settleMillis) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format("FaultsIT: %d people wrote over %d s (load through HAProxy, 2 instances of each service)%n%n",
                load.sent(), loaded.toSeconds()));
        table.append("| fault | requests made | acknowledged | lost | duplicated | settle time | withdrawals | withdrawal visible, p99 / max |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        load.phases().forEach((name, phase) -> {
            Stats of = crm.getOrDefault(name, new Stats());
            List<Long> gaps = List.copyOf(phase.withdrawalGapsMillis);
            table.append(String.format("| %s | %d | %d | %d | %d | %s | %d | %s |%n", name, phase.requests.sum(),
                    phase.acknowledged.sum(), of.lost, of.duplicated,
                    phase.settleMillis < 0 ? (name.equals("steady load") ? "-" : "NOT SETTLED") : String.format("%.1f s", phase.settleMillis / 1000.0),
                    gaps.size(), gaps.isEmpty() ? "-" : percentile(gaps, 0.99) + " / " + gaps.stream().mapToLong(Long::longValue).max().orElse(0) + " ms"));
        });
        table.append(String.format("%nAfter the load stopped, everything done (backlogs drained, every request COMPLETED) in %.1f s.%n",
                settleMillis / 1000.0));
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target", "faults-report.md"), table);
    }

    private static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void privacyGate(String... words) {
        Suite.run(10, words);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Stats {
        long lost;
        long duplicated;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}

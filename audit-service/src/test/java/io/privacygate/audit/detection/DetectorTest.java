package io.privacygate.audit.detection;

import io.privacygate.audit.model.LeafCodec;
import io.privacygate.commons.audit.AuditEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.privacygate.audit.detection.TestLog.subject;
import static io.privacygate.audit.detection.TestLog.user;
import static org.assertj.core.api.Assertions.assertThat;

class DetectorTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static List<Finding> evaluate(Detector detector, TestLog log) {
        return detector.evaluate(log.take(), SubjectPurposes.none(), log.now().plus(Duration.ofMinutes(1)));
    }

    private static List<Long> indexes(List<IndexedEvent> events) {
        return events.stream().map(IndexedEvent::index).toList();
    }

    @Nested
    class BulkRead {
        private final Detector detector = new Detector(Settings.defaults().bulk(3, Duration.ofMinutes(10)));
        private final SubjectPurposes purposes = SubjectPurposes.none();

        /** Reads for a purpose the subjects' data was stored for, so that only the bulk rule is in play. */
        private List<IndexedEvent> reads(TestLog log, String actor, List<String> subjects) {
            subjects.forEach(s -> log.stored(s, "customer-support"));
            List<IndexedEvent> stored = log.take();
            detector.evaluate(stored, purposes, log.now());
            subjects.forEach(s -> log.after(SECOND).crmRead(actor, s, "customer-support"));
            return log.take();
        }

        @Test
        void firesWhenOneActorReadsMoreDistinctSubjectsThanTheLimitWithinTheWindow() {
            TestLog log = new TestLog();
            String actor = user();
            List<String> subjects = List.of(subject(), subject(), subject(), subject());
            List<IndexedEvent> reads = reads(log, actor, subjects);

            List<Finding> findings = detector.evaluate(reads, purposes, log.now());

            assertThat(findings).hasSize(1);
            Finding alert = findings.get(0);
            assertThat(alert.rule()).isEqualTo(RuleKind.BULK_READ);
            assertThat(alert.key()).isEqualTo(actor);
            assertThat(alert.evidence()).containsExactlyElementsOf(indexes(reads));
            assertThat(alert.subjectRefs()).containsExactlyElementsOf(subjects);
            assertThat(alert.eventCount()).isEqualTo(4);
            assertThat(alert.limit()).isEqualTo(3);
            assertThat(alert.window()).isEqualTo(Duration.ofMinutes(10));
        }

        @Test
        void staysSilentAtTheLimit() {
            TestLog log = new TestLog();
            List<IndexedEvent> reads = reads(log, user(), List.of(subject(), subject(), subject()));
            assertThat(detector.evaluate(reads, purposes, log.now())).isEmpty();
        }

        @Test
        void countsASubjectReadManyTimesOnce() {
            TestLog log = new TestLog();
            String regular = subject();
            List<IndexedEvent> reads = reads(log, user(), List.of(regular, regular, regular, regular, regular, subject(), subject()));
            assertThat(detector.evaluate(reads, purposes, log.now())).isEmpty();
        }

        @Test
        void countsEachActorApart() {
            TestLog log = new TestLog();
            for (int i = 0; i < 10; i++) {
                List<IndexedEvent> reads = reads(log, user(), List.of(subject(), subject()));
                assertThat(detector.evaluate(reads, purposes, log.now())).isEmpty();
            }
        }

        @Test
        void staysSilentWhenTheReadsAreSpreadBeyondTheWindow() {
            TestLog log = new TestLog();
            String actor = user();
            for (int i = 0; i < 10; i++) {
                List<IndexedEvent> read = reads(log, actor, List.of(subject()));
                log.after(Duration.ofMinutes(4));
                assertThat(detector.evaluate(read, purposes, log.now())).isEmpty();
            }
        }

        @Test
        void countsOnlySuccessfulReadsOfTheConfiguredActions() {
            TestLog log = new TestLog();
            String actor = user();
            for (int i = 0; i < 10; i++) {
                log.crmReadDenied(actor, subject(), "customer-support");
                log.add("ingestion-service", actor, "dsr.exported", subject(), null, "SUCCESS", Map.of());
            }
            List<Finding> findings = detector.evaluate(log.take(), purposes, log.now());
            assertThat(findings).noneMatch(f -> f.rule() == RuleKind.BULK_READ);
        }

        @Test
        void furtherReadsGrowTheSameAlertUntilTheActorIsQuietForAWindow() {
            TestLog log = new TestLog();
            String actor = user();
            Finding first = detector.evaluate(reads(log, actor, List.of(subject(), subject(), subject(), subject())), purposes,
                    log.now()).get(0);

            List<Finding> more = detector.evaluate(reads(log, actor, List.of(subject(), subject())), purposes, log.now());
            assertThat(more).hasSize(1);
            assertThat(more.get(0).fingerprint()).isEqualTo(first.fingerprint());
            assertThat(more.get(0).eventCount()).isEqualTo(6);
            assertThat(more.get(0).subjectRefs()).hasSize(6);

            log.after(Duration.ofMinutes(11));
            List<IndexedEvent> later = reads(log, actor, List.of(subject(), subject(), subject(), subject()));
            Finding next = detector.evaluate(later, purposes, log.now()).get(0);
            assertThat(next.fingerprint()).isNotEqualTo(first.fingerprint());
            assertThat(next.evidence()).containsExactlyElementsOf(indexes(later));
        }

        @Test
        void keepsAtMostTheConfiguredEvidenceButCountsEveryEvent() {
            Detector capped = new Detector(Settings.defaults().bulk(3, Duration.ofMinutes(10)).evidence(5));
            TestLog log = new TestLog();
            String actor = user();
            IntStream.range(0, 20).forEach(i -> log.stored("s-" + i, "customer-support"));
            capped.evaluate(log.take(), purposes, log.now());
            IntStream.range(0, 20).forEach(i -> log.crmRead(actor, "s-" + i, "customer-support"));

            Finding alert = capped.evaluate(log.take(), purposes, log.now()).get(0);

            assertThat(alert.eventCount()).isEqualTo(20);
            assertThat(alert.evidence()).hasSize(5);
            assertThat(alert.subjectRefs()).hasSize(5);
        }
    }

    @Nested
    class CrmPurpose {
        private final Detector detector = new Detector(Settings.defaults());

        @Test
        void firesOnAReadWithoutAPurpose() {
            TestLog log = new TestLog();
            String actor = user();
            log.crmRead(actor, subject(), null);
            List<IndexedEvent> read = log.take();

            List<Finding> findings = detector.evaluate(read, SubjectPurposes.none(), log.now());

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleKind.CRM_PURPOSE);
                assertThat(f.reasons()).containsExactly("no-purpose");
                assertThat(f.key()).isEqualTo(actor);
                assertThat(f.evidence()).containsExactlyElementsOf(indexes(read));
            });
        }

        @Test
        void firesOnAReadRefusedForItsPurpose() {
            TestLog log = new TestLog();
            log.crmReadDenied(user(), subject(), "marketing-leads");
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now()))
                    .singleElement().satisfies(f -> assertThat(f.reasons()).containsExactly("purpose-refused"));
        }

        @Test
        void firesOnAReadForAPurposeTheSubjectsDataWasNotStoredFor() {
            TestLog log = new TestLog();
            String subject = subject();
            log.stored(subject, "customer-support").crmRead(user(), subject, "marketing-leads");
            assertThat(detector.evaluate(log.take(), new SubjectPurposes(Map.of()), log.now()))
                    .singleElement().satisfies(f -> assertThat(f.reasons()).containsExactly("purpose-not-collected"));
        }

        @Test
        void staysSilentOnReadsForThePurposesTheDataWasStoredFor() {
            TestLog log = new TestLog();
            String a = subject();
            String b = subject();
            log.stored(a, "customer-support").stored(b, "marketing-leads").consent(a)
                    .crmRead(user(), a, "customer-support").crmRead(user(), b, "marketing-leads");
            SubjectPurposes purposes = new SubjectPurposes(Map.of());

            assertThat(detector.evaluate(log.take(), purposes, log.now())).isEmpty();
            assertThat(purposes.added()).containsExactlyInAnyOrder(new SubjectPurposes.SubjectPurpose(a, "customer-support"),
                    new SubjectPurposes.SubjectPurpose(b, "marketing-leads"));
        }

        @Test
        void usesWhatWasStoredBeforeAndForgetsWhatWasWithdrawnOrErased() {
            TestLog log = new TestLog();
            String kept = subject();
            String withdrawn = subject();
            String erased = subject();
            SubjectPurposes purposes = new SubjectPurposes(Map.of(kept, Set.of("social-engagement"),
                    withdrawn, Set.of("marketing-leads"), erased, Set.of("customer-support")));
            String actor = user();
            log.revoked(withdrawn, "marketing-leads").erased(erased)
                    .crmRead(actor, kept, "social-engagement")
                    .crmRead(actor, withdrawn, "marketing-leads")
                    .crmRead(actor, erased, "customer-support");

            List<Finding> findings = detector.evaluate(log.take(), purposes, log.now());

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.subjectRefs()).containsExactly(withdrawn, erased);
                assertThat(f.eventCount()).isEqualTo(2);
            });
            assertThat(purposes.removed()).containsExactlyInAnyOrder(new SubjectPurposes.SubjectPurpose(withdrawn, "marketing-leads"),
                    new SubjectPurposes.SubjectPurpose(erased, "customer-support"));
        }
    }

    @Nested
    class DeniedBurst {
        private final Detector detector = new Detector(Settings.defaults().denied(4, Duration.ofMinutes(1)));

        @Test
        void firesOnMoreDenialsFromOneSourceThanTheLimitWithinTheWindow() {
            TestLog log = new TestLog();
            String source = "ip:" + UUID.randomUUID();
            IntStream.range(0, 5).forEach(i -> log.after(SECOND).accessDenied(source, i % 2 == 0 ? "401" : "403"));
            List<IndexedEvent> denials = log.take();

            assertThat(detector.evaluate(denials, SubjectPurposes.none(), log.now())).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleKind.DENIED_BURST);
                assertThat(f.key()).isEqualTo(source);
                assertThat(f.evidence()).containsExactlyElementsOf(indexes(denials));
                assertThat(f.subjectRefs()).isEmpty();
            });
        }

        @Test
        void firesOnFailedWebhookSignatures() {
            TestLog log = new TestLog();
            IntStream.range(0, 5).forEach(i -> log.signatureRejected("meta"));
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now()))
                    .singleElement().satisfies(f -> assertThat(f.key()).isEqualTo("platform:meta"));
        }

        @Test
        void countsAServicesAggregatedReportByItsCount() {
            TestLog log = new TestLog();
            log.add("dsr-service", "anonymous", "access.denied", null, null, "DENIED",
                    Map.of("status", "401", "source", "hmac-sha256:ab", "count", "5", "interval", "PT1M"));
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo("hmac-sha256:ab");
                assertThat(f.eventCount()).isEqualTo(5);
            });
        }

        @Test
        void staysSilentOnAnAggregatedReportAtTheLimit() {
            TestLog log = new TestLog();
            log.add("dsr-service", "anonymous", "access.denied", null, null, "DENIED",
                    Map.of("status", "403", "source", "hmac-sha256:cd", "count", "4", "interval", "PT1M"));
            log.add("dsr-service", "anonymous", "access.denied", null, null, "DENIED",
                    Map.of("status", "401", "source", "hmac-sha256:ef", "count", "not-a-number"));
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).isEmpty();
        }

        @Test
        void staysSilentAtTheLimitSpreadOutOrSpreadOverSources() {
            TestLog log = new TestLog();
            IntStream.range(0, 4).forEach(i -> log.accessDenied("ip:a", "401"));
            IntStream.range(0, 12).forEach(i -> log.after(Duration.ofSeconds(20)).accessDenied("ip:b", "403"));
            IntStream.range(0, 40).forEach(i -> log.accessDenied("ip:" + i, "401"));
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).isEmpty();
        }

        @Test
        void countsTheActorWhenNoSourceIsGiven() {
            TestLog log = new TestLog();
            String actor = user();
            IntStream.range(0, 5).forEach(i -> log.add("dsr-service", actor, "dsr.verification.code-refused", subject(), null,
                    "DENIED", Map.of("reason", "wrong-code")));
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now()))
                    .singleElement().satisfies(f -> assertThat(f.key()).isEqualTo(actor));
        }
    }

    @Nested
    class CryptoFailures {
        private final Detector detector = new Detector(Settings.defaults().crypto(2, Duration.ofMinutes(5)));

        @Test
        void firesOnMoreFailuresInOneServiceThanTheLimitWithinTheWindow() {
            TestLog log = new TestLog();
            log.cryptoFailure("ingestion-service", "crypto.decryption-failed").after(Duration.ofMinutes(1))
                    .cryptoFailure("ingestion-service", "crypto.key-unavailable").after(Duration.ofMinutes(1))
                    .cryptoFailure("ingestion-service", "crypto.decryption-failed");
            List<IndexedEvent> failures = log.take();

            assertThat(detector.evaluate(failures, SubjectPurposes.none(), log.now())).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleKind.CRYPTO_FAILURES);
                assertThat(f.key()).isEqualTo("ingestion-service");
                assertThat(f.evidence()).containsExactlyElementsOf(indexes(failures));
            });
        }

        @Test
        void firesOnOneAggregatedReportAboveTheRate() {
            TestLog log = new TestLog();
            log.add("consent-service", "system:consent-service", "crypto.decryption-failed", null, null, "FAILURE",
                    Map.of("count", "3", "interval", "PT1M"));
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).singleElement()
                    .satisfies(f -> assertThat(f.key()).isEqualTo("consent-service"));
        }

        @Test
        void staysSilentBelowTheRate() {
            TestLog log = new TestLog();
            IntStream.range(0, 6).forEach(i -> log.after(Duration.ofMinutes(3)).cryptoFailure("consent-service", "crypto.key-unavailable"));
            log.cryptoFailure("dsr-service", "crypto.key-unavailable").cryptoFailure("ingestion-service", "crypto.key-unavailable");
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).isEmpty();
        }
    }

    @Nested
    class DsrOverdue {
        private final Detector detector = new Detector(Settings.defaults());

        @Test
        void raisesOneAlertPerOverdueRequest() {
            TestLog log = new TestLog();
            String request = UUID.randomUUID().toString();
            String subject = subject();
            log.overdue(request, subject);
            List<IndexedEvent> overdue = log.take();

            assertThat(detector.evaluate(overdue, SubjectPurposes.none(), log.now())).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleKind.DSR_OVERDUE);
                assertThat(f.key()).isEqualTo(request);
                assertThat(f.fingerprint()).isEqualTo("dsr-overdue:" + request);
                assertThat(f.subjectRefs()).containsExactly(subject);
                assertThat(f.evidence()).containsExactlyElementsOf(indexes(overdue));
            });
        }

        @Test
        void keepsARequestIdThatIsNotAUuidOutOfTheAlert() {
            TestLog log = new TestLog(7);
            log.overdue("someone@example.org", null);
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now()))
                    .singleElement().satisfies(f -> assertThat(f.key()).isEqualTo("entry-7"));
        }

        @Test
        void staysSilentOnOtherDsrEvents() {
            TestLog log = new TestLog();
            log.add("dsr-service", user(), "dsr.request.received", subject(), null, "SUCCESS", Map.of("requestId", UUID.randomUUID().toString()));
            log.add("dsr-service", "client:dsr-service", "dsr.request.completed", subject(), null, "SUCCESS", Map.of());
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).isEmpty();
        }
    }

    /** Two hours of ordinary traffic: reads for the purposes stored, a few 401s, a rare key-provider hiccup. */
    @Test
    void aNormalDayRaisesNothing() {
        Detector detector = new Detector(Settings.defaults());
        TestLog log = new TestLog();
        List<String> agents = List.of(user(), user(), user());
        for (int minute = 0; minute < 120; minute++) {
            String subject = subject();
            log.after(Duration.ofMinutes(1)).stored(subject, "customer-support").consent(subject)
                    .crmRead(agents.get(minute % 3), subject, "customer-support")
                    .add("consent-service", agents.get(minute % 3), "subject.identifiers-disclosed", subject, null, "SUCCESS",
                            Map.of("count", "2"));
            if (minute % 10 == 0) {
                log.accessDenied("ip:" + minute, "401").accessDenied("ip:" + minute, "403")
                        .cryptoFailure("consent-service", "crypto.key-unavailable")
                        .add("dsr-service", "client:dsr-service", "dsr.request.completed", subject, null, "SUCCESS", Map.of());
            }
        }
        assertThat(detector.evaluate(log.take(), new SubjectPurposes(Map.of()), log.now())).isEmpty();
    }

    @Test
    void aReplayRebuildsTheWindowsWithoutReportingAgain() {
        Settings settings = Settings.defaults().denied(4, Duration.ofMinutes(1));
        TestLog log = new TestLog();
        IntStream.range(0, 3).forEach(i -> log.accessDenied("ip:x", "401"));
        List<IndexedEvent> before = log.take();
        IntStream.range(0, 2).forEach(i -> log.accessDenied("ip:x", "401"));
        List<IndexedEvent> after = log.take();

        Detector restarted = new Detector(settings);
        restarted.replay(before, log.now());
        assertThat(restarted.evaluate(after, SubjectPurposes.none(), log.now()))
                .singleElement().satisfies(f -> assertThat(f.evidence()).containsExactlyElementsOf(
                        java.util.stream.Stream.concat(before.stream(), after.stream()).map(IndexedEvent::index).toList()));

        Detector fresh = new Detector(settings);
        assertThat(fresh.evaluate(after, SubjectPurposes.none(), log.now())).isEmpty();
    }

    @Test
    void anEventDatedInTheFutureDoesNotExpireTheWindows() {
        Detector detector = new Detector(Settings.defaults().denied(2, Duration.ofMinutes(1)));
        TestLog log = new TestLog();
        log.accessDenied("ip:y", "401").accessDenied("ip:y", "401");
        detector.evaluate(log.take(), SubjectPurposes.none(), log.now());
        TestLog future = new TestLog(100).after(Duration.ofDays(30));
        future.accessDenied("ip:z", "401");
        detector.evaluate(future.take(), SubjectPurposes.none(), log.now());

        log.accessDenied("ip:y", "401");
        assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).hasSize(1);
    }

    @Test
    void alertsWithholdReferencesThatDoNotLookPseudonymous() {
        Detector detector = new Detector(Settings.defaults().denied(1, Duration.ofMinutes(1)));
        TestLog log = new TestLog();
        log.accessDenied("2001:db8::1", "401").accessDenied("2001:db8::1", "401");
        assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now()))
                .singleElement().satisfies(f -> {
                    assertThat(f.key()).isEqualTo(PseudonymousRefs.WITHHELD);
                    assertThat(f.fingerprint()).doesNotContain("2001");
                });
    }

    @Test
    void disabledRulesAreNotEvaluated() {
        Settings none = new Settings(true, "1s", 2000, 1000, 100, 100, java.util.Optional.empty(),
                new Settings.Bulk(false, Set.of("crm.read"), 1, Duration.ofMinutes(1)),
                new Settings.Crm(false, "crm.read", Duration.ofHours(1)),
                new Settings.Denied(false, Set.of("access.denied"), 1, Duration.ofMinutes(1)),
                new Settings.Crypto(false, Set.of("crypto.key-unavailable"), 1, Duration.ofMinutes(1)),
                new Settings.Overdue(false, "dsr.request.overdue"));
        Detector detector = new Detector(none);
        assertThat(detector.active()).isFalse();
        assertThat(detector.relevant(0, LeafCodec.encode(new AuditEvent("e", TestLog.START, "dsr-service", "a",
                "dsr.request.overdue", null, null, null, "FAILURE", Map.of())))).isNull();
    }

    @Nested
    class Relevance {
        private final Detector detector = new Detector(Settings.defaults());

        private byte[] leaf(String action) {
            return LeafCodec.encode(new AuditEvent(UUID.randomUUID().toString(), TestLog.START, "ingestion-service", "user:x",
                    action, subject(), "customer-support", "CONSENT", "SUCCESS", Map.of("action", "crm.read")));
        }

        @Test
        void decodesOnlyLeavesWhoseActionARuleLooksAt() {
            assertThat(detector.relevant(5, leaf("crm.read"))).satisfies(e -> {
                assertThat(e.index()).isEqualTo(5);
                assertThat(e.event().action()).isEqualTo("crm.read");
            });
            assertThat(detector.relevant(6, leaf("consent.granted"))).isNull();
        }

        @Test
        void passesOverBytesThatAreNotAnEvent() {
            assertThat(detector.relevant(1, "{\"action\":\"crm.read\",\"broken".getBytes(StandardCharsets.UTF_8))).isNull();
            assertThat(detector.relevant(2, "not json".getBytes(StandardCharsets.UTF_8))).isNull();
        }

        @Test
        void readsTheActionFromTheFirstMemberOfTheCanonicalLeaf() {
            assertThat(ActionPeek.action(leaf("dsr.request.overdue"))).isEqualTo("dsr.request.overdue");
            assertThat(ActionPeek.action("{\"actor\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isNull();
            assertThat(ActionPeek.action("{\"action\":\"a\\\"b\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        }
    }
}

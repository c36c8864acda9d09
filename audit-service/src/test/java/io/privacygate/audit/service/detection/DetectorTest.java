package io.privacygate.audit.service.detection;

import io.privacygate.audit.model.Finding;
import io.privacygate.audit.model.LeafCodec;
import io.privacygate.audit.model.RuleKind;
import io.privacygate.audit.model.SubjectPurpose;
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

import static io.privacygate.audit.service.detection.TestLog.subject;
import static io.privacygate.audit.service.detection.TestLog.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

        /** consent-service's {@code subject.identifiers-disclosed} says how many identifiers it showed: not a count of reads. */
        @Test
        void countsDisclosuresAsEventsWhateverNumberOfIdentifiersTheyShowed() {
            TestLog log = new TestLog();
            String actor = user();
            IntStream.range(0, 4).forEach(i -> log.add("consent-service", actor, "subject.identifiers-disclosed", subject(), null,
                    "SUCCESS", Map.of("count", "3")));
            assertThat(evaluate(detector, log)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleKind.BULK_READ);
                assertThat(f.eventCount()).isEqualTo(4);
            });
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
            assertThat(purposes.added()).containsExactlyInAnyOrder(new SubjectPurpose(a, "customer-support"),
                    new SubjectPurpose(b, "marketing-leads"));
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
            assertThat(purposes.removed()).containsExactlyInAnyOrder(new SubjectPurpose(withdrawn, "marketing-leads"),
                    new SubjectPurpose(erased, "customer-support"));
        }

        /** Issue 21: an item deleted at its platform that was the subject's last data leaves no purpose behind. */
        @Test
        void forgetsTheSubjectWhoseLastDataWasDeletedAtTheSource() {
            TestLog log = new TestLog();
            String gone = subject();
            String stays = subject();
            SubjectPurposes purposes = new SubjectPurposes(Map.of(gone, Set.of("customer-support"), stays, Set.of("customer-support")));
            log.add("ingestion-service", "system:ingestion-service", "interaction.deleted-at-source", gone, "customer-support",
                            "SUCCESS", Map.of("channel", "x", "kind", "post", "keyShredded", "true"))
                    .add("ingestion-service", "system:ingestion-service", "interaction.deleted-at-source", stays, "customer-support",
                            "SUCCESS", Map.of("channel", "x", "kind", "post", "keyShredded", "false"))
                    .crmRead(user(), gone, "customer-support").crmRead(user(), stays, "customer-support");

            assertThat(detector.evaluate(log.take(), purposes, log.now()))
                    .singleElement().satisfies(f -> assertThat(f.subjectRefs()).containsExactly(gone));
            assertThat(purposes.removed()).containsExactly(new SubjectPurpose(gone, "customer-support"));
        }

        /**
         * Issue #18: what a subject's data serves is learnt only from the service that holds it (ingestion-service
         * stores, withdraws and erases interactions) and from consent-service's erasure of the subject. Another
         * service's word, even in its own authenticated name, neither plants a purpose that would hide a read nor
         * erases one that would make a lawful read look like an offence.
         */
        @Test
        void learnsPurposesOnlyFromTheServicesThatHoldTheData() {
            TestLog log = new TestLog();
            String kept = subject();
            String planted = subject();
            String gone = subject();
            SubjectPurposes purposes = new SubjectPurposes(Map.of(kept, Set.of("customer-support"), gone, Set.of("customer-support")));
            String actor = user();
            log.add("dsr-service", "client:dsr-service", "dsr.erased", kept, null, "SUCCESS", Map.of("keyShredded", "true"))
                    .add("dsr-service", "client:dsr-service", "consent.revocation-applied", kept, "customer-support", "SUCCESS", Map.of())
                    .add("consent-service", "system:consent-service", "interaction.stored", planted, "marketing-leads", "SUCCESS", Map.of())
                    .add("consent-service", "client:dsr-service", "subject.erased", gone, null, "SUCCESS", Map.of("keyShredded", "true"))
                    .crmRead(actor, kept, "customer-support")
                    .crmRead(actor, planted, "marketing-leads")
                    .crmRead(actor, gone, "customer-support");

            List<Finding> findings = detector.evaluate(log.take(), purposes, log.now());

            assertThat(findings).singleElement().satisfies(f -> assertThat(f.subjectRefs()).containsExactly(planted, gone));
            assertThat(purposes.added()).isEmpty();
            assertThat(purposes.removed()).containsExactly(new SubjectPurpose(gone, "customer-support"));
        }
    }

    /**
     * The events in the shapes their emitters send: commons' aggregated {@code access.denied} (count, interval,
     * status, a keyed source pseudonym) and ingestion-service's {@code webhook.signature-rejected} (platform, source,
     * count, from, to), one report per source and minute; refused CRM reads and verification codes one by one.
     */
    @Nested
    class DeniedBurst {
        private static final String SOURCE = "hmac-sha256:3f1c0b6d2e9a8f7c6b5a4d3e2f1a0b9c";
        private final Detector detector = new Detector(Settings.defaults());

        @Test
        void firesOnOneReportOfMoreRefusalsFromOneSourceThanTheLimit() {
            TestLog log = new TestLog();
            log.accessDenied(SOURCE, "401", 21);
            List<IndexedEvent> report = log.take();

            assertThat(detector.evaluate(report, SubjectPurposes.none(), log.now())).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleKind.DENIED_BURST);
                assertThat(f.key()).isEqualTo(SOURCE);
                assertThat(f.evidence()).containsExactlyElementsOf(indexes(report));
                assertThat(f.eventCount()).isEqualTo(21);
                assertThat(f.limit()).isEqualTo(20);
                assertThat(f.subjectRefs()).isEmpty();
            });
        }

        @Test
        void staysSilentOnAReportAtTheLimitOrWithACountThatIsNoNumber() {
            TestLog log = new TestLog();
            log.accessDenied(SOURCE, "403", 20).accessDenied("hmac-sha256:00ff", "401", 0);
            log.add("consent-service", "anonymous", "access.denied", null, null, "DENIED",
                    Map.of("status", "401", "source", "hmac-sha256:ee", "count", "lots", "interval", "PT1M"));
            assertThat(evaluate(detector, log)).isEmpty();
        }

        @Test
        void addsTheReportsOfOneSourceWithinTheWindow() {
            TestLog log = new TestLog();
            log.accessDenied(SOURCE, "401", 12).accessDenied(SOURCE, "403", 9);
            assertThat(evaluate(detector, log)).singleElement().satisfies(f -> assertThat(f.eventCount()).isEqualTo(21));
        }

        /**
         * Reports of a minute each come a minute apart, give or take the scheduler's jitter; each stands at the
         * middle of its minute, so consecutive ones are never both inside a one-minute window, whatever the jitter.
         */
        @Test
        void staysSilentOnAnHourOfReportsAtTheLimitEveryMinuteDespiteJitter() {
            TestLog log = new TestLog();
            for (int minute = 0; minute < 60; minute++) {
                log.after(Duration.ofMinutes(1).plusMillis(minute % 2 == 0 ? 40 : -40)).accessDenied(SOURCE, "401", 20);
            }
            assertThat(evaluate(detector, log)).isEmpty();
        }

        @Test
        void addsShorterReportsUpToTheWindow() {
            TestLog quiet = new TestLog();
            for (int i = 0; i < 30; i++) {
                quiet.after(Duration.ofSeconds(10).plusMillis(i % 2 == 0 ? 30 : -30)).accessDenied(SOURCE, "401", 3, Duration.ofSeconds(10));
            }
            assertThat(evaluate(new Detector(Settings.defaults()), quiet)).as("6 reports of 3 in a minute: 18").isEmpty();

            TestLog busy = new TestLog();
            for (int i = 0; i < 6; i++) {
                busy.after(Duration.ofSeconds(10)).accessDenied(SOURCE, "401", 4, Duration.ofSeconds(10));
            }
            assertThat(evaluate(new Detector(Settings.defaults()), busy)).as("6 reports of 4 in a minute: 24")
                    .singleElement().satisfies(f -> assertThat(f.eventCount()).isEqualTo(24));
        }

        @Test
        void countsEachSourceApart() {
            TestLog log = new TestLog();
            IntStream.range(0, 40).forEach(i -> log.accessDenied("hmac-sha256:" + Integer.toHexString(0x1000 + i), "401", 20));
            assertThat(evaluate(detector, log)).isEmpty();
        }

        @Test
        void firesOnFailedWebhookSignaturesFromOneSource() {
            TestLog log = new TestLog();
            log.signatureRejected("meta", "src:0123456789abcdef", 21);
            assertThat(evaluate(detector, log)).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo("src:0123456789abcdef");
                assertThat(f.eventCount()).isEqualTo(21);
            });
        }

        @Test
        void addsOneSourcesFailedSignaturesOnEveryPlatform() {
            TestLog log = new TestLog();
            log.signatureRejected("meta", "src:0123456789abcdef", 10).signatureRejected("linkedin", "src:0123456789abcdef", 6)
                    .signatureRejected("x", "src:0123456789abcdef", 5).signatureRejected("x", "src:fedcba9876543210", 20);
            assertThat(evaluate(detector, log)).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo("src:0123456789abcdef");
                assertThat(f.eventCount()).isEqualTo(21);
            });
        }

        @Test
        void staysSilentOnFailedSignaturesAtTheLimitEveryMinute() {
            TestLog log = new TestLog();
            for (int minute = 0; minute < 30; minute++) {
                log.after(Duration.ofMinutes(1).plusMillis(minute % 2 == 0 ? 25 : -25)).signatureRejected("meta", "src:0123456789abcdef", 20);
            }
            assertThat(evaluate(detector, log)).isEmpty();
        }

        @Test
        void countsRefusedReadsAndCodesOneByOneKeyedByTheActor() {
            Detector four = new Detector(Settings.defaults().denied(4, Duration.ofMinutes(1)));
            TestLog log = new TestLog();
            String actor = user();
            IntStream.range(0, 5).forEach(i -> log.after(SECOND).add("dsr-service", actor, "dsr.verification.code-refused",
                    subject(), null, "DENIED", Map.of("requestId", UUID.randomUUID().toString(), "reason", "wrong-code")));
            assertThat(evaluate(four, log)).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo(actor);
                assertThat(f.eventCount()).isEqualTo(5);
            });
        }

        @Test
        void aBurstGoesOnAsOneAlertWhileTheReportsKeepComing() {
            TestLog log = new TestLog();
            List<Finding> first = evaluate(detector, log.accessDenied(SOURCE, "401", 50));
            List<Finding> next = evaluate(detector, log.after(Duration.ofMinutes(1)).accessDenied(SOURCE, "401", 5));
            assertThat(next).singleElement().satisfies(f -> {
                assertThat(f.fingerprint()).isEqualTo(first.get(0).fingerprint());
                assertThat(f.eventCount()).isEqualTo(55);
            });
        }
    }

    /** commons' aggregated {@code crypto.decryption-failed} and {@code crypto.key-unavailable}, keyed by service. */
    @Nested
    class CryptoFailures {
        private final Detector detector = new Detector(Settings.defaults());

        @Test
        void firesOnOneReportAboveTheRate() {
            TestLog log = new TestLog();
            log.cryptoFailure("consent-service", "crypto.decryption-failed", 6);
            List<IndexedEvent> report = log.take();
            assertThat(detector.evaluate(report, SubjectPurposes.none(), log.now())).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(RuleKind.CRYPTO_FAILURES);
                assertThat(f.key()).isEqualTo("consent-service");
                assertThat(f.evidence()).containsExactlyElementsOf(indexes(report));
                assertThat(f.eventCount()).isEqualTo(6);
            });
        }

        @Test
        void addsBothKindsOfOneServiceWithinTheWindow() {
            TestLog log = new TestLog();
            log.cryptoFailure("ingestion-service", "crypto.decryption-failed", 2).after(Duration.ofMinutes(1))
                    .cryptoFailure("ingestion-service", "crypto.key-unavailable", 2).after(Duration.ofMinutes(1))
                    .cryptoFailure("ingestion-service", "crypto.decryption-failed", 2);
            assertThat(evaluate(detector, log)).singleElement().satisfies(f -> assertThat(f.eventCount()).isEqualTo(6));
        }

        /** One failure a minute is five in any five minutes, the limit: whatever the jitter, never a sixth. */
        @Test
        void staysSilentOnOneFailureEveryMinute() {
            TestLog log = new TestLog();
            for (int minute = 0; minute < 60; minute++) {
                log.after(Duration.ofMinutes(1).plusMillis(minute % 2 == 0 ? 50 : -50)).cryptoFailure("consent-service", "crypto.key-unavailable");
            }
            log.cryptoFailure("dsr-service", "crypto.key-unavailable", 5).cryptoFailure("ingestion-service", "crypto.decryption-failed", 5);
            assertThat(evaluate(detector, log)).isEmpty();
        }

        @Test
        void firesOnTwoFailuresEveryMinute() {
            TestLog log = new TestLog();
            IntStream.range(0, 3).forEach(i -> log.after(Duration.ofMinutes(1)).cryptoFailure("dsr-service", "crypto.key-unavailable", 2));
            assertThat(evaluate(detector, log)).singleElement().satisfies(f -> assertThat(f.key()).isEqualTo("dsr-service"));
        }
    }

    /** Issue 21, point 2: a platform's own deadline for an erasure, as dsr-service reports it. */
    @Nested
    class PlatformDeadline {
        private final Detector detector = new Detector(Settings.defaults());

        @Test
        void raisesOneAlertWhenNearAndAnotherWhenMissed() {
            TestLog log = new TestLog();
            String request = UUID.randomUUID().toString();
            Map<String, String> details = Map.of("requestId", request, "channel", "x-compliance");
            log.add("dsr-service", "client:dsr-service", "dsr.platform-deadline.near", subject(), null, "FAILURE", details);
            log.add("dsr-service", "client:dsr-service", "dsr.platform-deadline.missed", subject(), null, "FAILURE", details);

            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now()))
                    .extracting(Finding::rule, Finding::fingerprint)
                    .containsExactlyInAnyOrder(tuple(RuleKind.PLATFORM_DEADLINE_NEAR, "platform-deadline-near:" + request),
                            tuple(RuleKind.PLATFORM_DEADLINE_MISSED, "platform-deadline-missed:" + request));
        }

        @Test
        void believesOnlyDsrService() {
            TestLog log = new TestLog();
            log.add("ingestion-service", "system:ingestion-service", "dsr.platform-deadline.missed", subject(), null, "FAILURE",
                    Map.of("requestId", UUID.randomUUID().toString()));
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

        /** Issue #18: a deadline is dsr-service's to report; another service's report raises nothing. */
        @Test
        void believesOnlyDsrService() {
            TestLog log = new TestLog();
            log.add("consent-service", "system:consent-service", "dsr.request.overdue", subject(), null, "FAILURE",
                    Map.of("requestId", UUID.randomUUID().toString()));
            assertThat(detector.evaluate(log.take(), SubjectPurposes.none(), log.now())).isEmpty();
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
                log.accessDenied("hmac-sha256:" + minute, "401", 3).accessDenied("hmac-sha256:" + minute, "403", 1)
                        .signatureRejected("meta", "src:00000000000000" + minute % 10, 2)
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
                new Settings.Overdue(false, "dsr.request.overdue"),
                new Settings.Platform(false, "dsr.platform-deadline.near", "dsr.platform-deadline.missed"));
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

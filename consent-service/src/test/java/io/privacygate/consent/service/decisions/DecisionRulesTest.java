package io.privacygate.consent.service.decisions;

import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.consent.api.DecisionReason;
import io.privacygate.consent.api.DecisionView;
import io.privacygate.consent.model.ConsentState;
import io.privacygate.consent.model.LatestConsent;
import io.privacygate.consent.model.PurposeRule;
import io.privacygate.consent.model.SubjectState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRulesTest {
    private static final UUID SUBJECT = UUID.randomUUID();
    private static final UUID EVENT = UUID.randomUUID();
    private static final PurposeRule NEWSLETTER = new PurposeRule("newsletter", 3, true, LegalBasis.CONSENT, Set.of("email"), "v2", true, false);
    private static final PurposeRule BILLING = new PurposeRule("billing", 1, true, LegalBasis.CONTRACT, Set.of("email", "post"), null, false, false);
    private static final PurposeRule ADS = new PurposeRule("ads", 1, true, LegalBasis.LEGITIMATE_INTERESTS, Set.of("web"), null, true, false);

    private static SubjectState subject(boolean restricted, ConsentState state, String noticeVersion) {
        Map<String, LatestConsent> latest = state == null ? Map.of()
                : Map.of("newsletter", new LatestConsent(EVENT, state, noticeVersion));
        return new SubjectState(SUBJECT, restricted, latest, Map.of(), false);
    }

    @Nested
    class ForAConsentPurpose {
        @Test
        void permitsACurrentGrantForTheCurrentNotice() {
            DecisionView answer = DecisionRules.decide(NEWSLETTER, subject(false, ConsentState.GRANTED, "v2"), "email", true, false);
            assertThat(answer).isEqualTo(new DecisionView(true, LegalBasis.CONSENT, DecisionReason.CONSENT_GRANTED, EVENT, false));
        }

        @Test
        void deniesAGrantForAnEarlierNotice() {
            DecisionView answer = DecisionRules.decide(NEWSLETTER, subject(false, ConsentState.GRANTED, "v1"), "email", true, false);
            assertThat(answer).isEqualTo(new DecisionView(false, LegalBasis.CONSENT, DecisionReason.NOTICE_CHANGED, EVENT, false));
        }

        @Test
        void deniesWithoutConsentAfterAWithdrawalAndAfterARefusal() {
            assertThat(DecisionRules.decide(NEWSLETTER, subject(false, null, null), "email", true, false).reason())
                    .isEqualTo(DecisionReason.NO_CONSENT);
            assertThat(DecisionRules.decide(NEWSLETTER, subject(false, ConsentState.WITHDRAWN, "v2"), "email", true, false))
                    .isEqualTo(new DecisionView(false, LegalBasis.CONSENT, DecisionReason.CONSENT_WITHDRAWN, EVENT, false));
            assertThat(DecisionRules.decide(NEWSLETTER, subject(false, ConsentState.DENIED, "v2"), "email", true, false).reason())
                    .isEqualTo(DecisionReason.CONSENT_DENIED);
        }

        @Test
        void deniesUnderGpcEvenWithAGrant() {
            DecisionView answer = DecisionRules.decide(NEWSLETTER, subject(false, ConsentState.GRANTED, "v2"), "email", true, true);
            assertThat(answer.permitted()).isFalse();
            assertThat(answer.reason()).isEqualTo(DecisionReason.GPC_OBJECTION);
        }
    }

    @Nested
    class ForOtherLegalBases {
        @Test
        void deniesADraftWhateverItsBasis() {
            PurposeRule draft = new PurposeRule("billing", 1, false, LegalBasis.CONTRACT, Set.of("post"), null, false, false);
            assertThat(DecisionRules.decide(draft, subject(false, null, null), "post", true, false))
                    .isEqualTo(new DecisionView(false, LegalBasis.CONTRACT, DecisionReason.PURPOSE_INACTIVE, null, false));
        }

        @Test
        void permitsOnTheLegalBasisWithoutConsent() {
            DecisionView answer = DecisionRules.decide(BILLING, subject(false, null, null), "post", true, false);
            assertThat(answer).isEqualTo(new DecisionView(true, LegalBasis.CONTRACT, DecisionReason.LEGAL_BASIS, null, false));
        }

        @Test
        void gpcDeniesOnlyThePurposesItAppliesTo() {
            assertThat(DecisionRules.decide(BILLING, subject(false, null, null), "post", true, true).permitted()).isTrue();
            assertThat(DecisionRules.decide(ADS, subject(false, null, null), "web", true, true).reason()).isEqualTo(DecisionReason.GPC_OBJECTION);
        }
    }

    @Nested
    class ForEveryPurpose {
        @Test
        void deniesARestrictedSubjectFirst() {
            DecisionView answer = DecisionRules.decide(BILLING, subject(true, null, null), "fax", true, true);
            assertThat(answer).isEqualTo(new DecisionView(false, LegalBasis.CONTRACT, DecisionReason.SUBJECT_RESTRICTED, null, true));
        }

        @Test
        void deniesAChannelThePurposeDoesNotDeclare() {
            assertThat(DecisionRules.decide(NEWSLETTER, subject(false, ConsentState.GRANTED, "v2"), "sms", true, false).reason())
                    .isEqualTo(DecisionReason.CHANNEL_NOT_ALLOWED);
        }

        @Test
        void deniesUnknownPurposesAndSubjects() {
            assertThat(DecisionRules.decide(null, subject(true, null, null), "email", true, false))
                    .isEqualTo(new DecisionView(false, null, DecisionReason.UNKNOWN_PURPOSE, null, true));
            assertThat(DecisionRules.decide(BILLING, null, "email", true, false))
                    .isEqualTo(new DecisionView(false, LegalBasis.CONTRACT, DecisionReason.UNKNOWN_SUBJECT, null, false));
            assertThat(DecisionRules.ambiguous(BILLING).reason()).isEqualTo(DecisionReason.AMBIGUOUS_SUBJECT);
        }

        @Test
        void onlyTheThreePermittingReasonsPermit() {
            for (DecisionReason reason : DecisionReason.values()) {
                assertThat(reason.permits()).isEqualTo(reason == DecisionReason.CONSENT_GRANTED
                        || reason == DecisionReason.LEGAL_BASIS || reason == DecisionReason.COMPELLING_GROUNDS);
            }
        }
    }

    @Nested
    class WithAnObjection {
        private SubjectState objecting(String purpose, boolean overridden) {
            return new SubjectState(SUBJECT, false, Map.of(), Map.of(purpose, overridden), false);
        }

        @Test
        void deniesALegitimateInterestsPurposeUnlessCompellingGroundsOverrideIt() {
            assertThat(DecisionRules.decide(ADS, objecting("ads", false), "web", true, false).reason()).isEqualTo(DecisionReason.OBJECTED);
            assertThat(DecisionRules.decide(ADS, objecting("ads", true), "web", true, false))
                    .isEqualTo(new DecisionView(true, LegalBasis.LEGITIMATE_INTERESTS, DecisionReason.COMPELLING_GROUNDS, null, false));
        }

        @Test
        void deniesDirectMarketingWhateverTheGrounds() {
            PurposeRule mailing = new PurposeRule("mailing", 1, true, LegalBasis.LEGITIMATE_INTERESTS, Set.of("email"), null, false, true);
            assertThat(DecisionRules.decide(mailing, objecting("mailing", true), "email", true, false).reason())
                    .isEqualTo(DecisionReason.OBJECTED);
        }

        @Test
        void neverRestrictsAContractPurpose() {
            assertThat(DecisionRules.decide(BILLING, objecting("billing", false), "post", true, false).reason())
                    .isEqualTo(DecisionReason.LEGAL_BASIS);
        }
    }
}

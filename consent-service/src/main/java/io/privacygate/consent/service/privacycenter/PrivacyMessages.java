package io.privacygate.consent.service.privacycenter;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The privacy center's words: a Qute type-safe message bundle, {@code {privacy:siteTitle}} in the pages' templates.
 * Each text is in {@code messages/privacy_<language>.properties} (UTF-8), keyed by its method's name;
 * English is the bundle's own locale and every other file is a localized bundle Quarkus generates at build time, so
 * no file is read at run time (and a native executable needs none of them as a resource). A key a file lacks would
 * fall back to English, which the build does not refuse: PrivacyCenterRulesTest does.
 */
@MessageBundle(value = "privacy", locale = "en")
public interface PrivacyMessages {
    @Message String languageName();
    @Message String siteTitle();
    @Message String skipToContent();
    @Message String languagesLabel();
    @Message String footerText();
    @Message String signOut();
    @Message String backToStart();

    @Message String gpcTitle();
    @Message String gpcText();
    @Message String gpcPurpose();

    @Message String indexTitle();
    @Message String indexLead();
    @Message String choicesTitle();
    @Message String choicesText();
    @Message String goToChoices();
    @Message String enterCodeLink();
    @Message String emailLabel();
    @Message String emailHint();
    @Message String sendCode();
    @Message String errorEmailInvalid();

    @Message String noticesTitle();
    @Message String noticesLead();
    @Message String noticesNone();
    @Message String noticeFallback();
    @Message String factCollected();
    @Message String factBasis();
    @Message String factRetention();
    @Message String factRecipients();
    @Message String recipientsNone();
    @Message String factGpc();
    @Message String factGpcYes();
    @Message String factNotice();
    @Message String noticeVersion();
    @Message String noticeHash();
    @Message String textHash();
    @Message String noticeFull();
    @Message String detailsSummary();

    @Message String codeTitle();
    @Message String codeLead();
    @Message String codeValidity(long minutes);
    @Message String codeFormTitle();
    @Message String codeLabel();
    @Message String codeSubmit();
    @Message String codeRestart();
    @Message String errorCodeWrong(int n);
    @Message String errorCodeExpired();
    @Message String errorCodeExhausted();

    @Message String limitedTitle();
    @Message String limitedText();
    @Message String lockedTitle();
    @Message String lockedText();
    @Message String csrfTitle();
    @Message String csrfText();
    @Message String unavailableTitle();
    @Message String unavailableText();
    @Message String failedTitle();
    @Message String failedText();
    @Message String errorId();
    @Message String notfoundTitle();
    @Message String notfoundText();
    @Message String noexportTitle();
    @Message String noexportText();

    @Message String meTitle();
    @Message String meLead();
    @Message String meUnknown();
    @Message String consentsTitle();
    @Message String consentsLead();
    @Message String yourChoice();
    @Message String since();
    @Message String stateNone();
    @Message String stateGranted();
    @Message String stateWithdrawn();
    @Message String stateDenied();
    @Message String noticeChanged();
    @Message String grant();
    @Message String withdraw();
    @Message String downloadReceipt();
    @Message String receiptHint();
    @Message String savedText();
    @Message String errorChoice();
    @Message String notConsentBased();
    @Message String objectCan();
    @Message String objectButton();
    @Message String objectedSince();
    @Message String objectNotApplicable();
    @Message String errorObjection();

    @Message String requestsTitle();
    @Message String requestsLead();
    @Message String requestsNone();
    @Message String requestsCaption();
    @Message String colType();
    @Message String colStatus();
    @Message String colReceived();
    @Message String colDue();
    @Message String colPackage();
    @Message String extended();
    @Message String downloadPackage();
    @Message String until();
    @Message String filedText();
    @Message String fileTitle();
    @Message String fileTypeLegend();
    @Message String correctedLabel();
    @Message String correctedHint();
    @Message String detailsLabel();
    @Message String detailsHint();
    @Message String fileSubmit();
    @Message String errorRequestType();
    @Message String errorRequestCorrectedEmail();
    @Message String errorRequestEmail();
    @Message String errorRequestDetails();

    @Message String typeAccess();
    @Message String typePortability();
    @Message String typeRectification();
    @Message String typeErasure();
    @Message String typeRestriction();
    @Message String typeObjection();
    @Message String typehelpAccess();
    @Message String typehelpPortability();
    @Message String typehelpRectification();
    @Message String typehelpErasure();
    @Message String typehelpRestriction();
    @Message String statusReceived();
    @Message String statusVerified();
    @Message String statusInProgress();
    @Message String statusCompleted();
    @Message String statusRejected();
    @Message String statusUnavailable();

    @Message String basisConsent();
    @Message String basisContract();
    @Message String basisLegalObligation();
    @Message String basisVitalInterests();
    @Message String basisPublicTask();
    @Message String basisLegitimateInterests();

    @Message String unitYearOne();
    @Message String unitYearOther();
    @Message String unitMonthOne();
    @Message String unitMonthOther();
    @Message String unitWeekOne();
    @Message String unitWeekOther();
    @Message String unitDayOne();
    @Message String unitDayOther();
    @Message String unitHourOne();
    @Message String unitHourOther();
    @Message String unitMinuteOne();
    @Message String unitMinuteOther();
    @Message String unitSecondOne();
    @Message String unitSecondOther();
}

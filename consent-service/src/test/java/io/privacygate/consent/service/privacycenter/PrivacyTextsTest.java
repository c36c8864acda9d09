package io.privacygate.consent.service.privacycenter;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured languages with the message bundles Quarkus built: which one a visit gets, and durations in words. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PrivacyTextsTest {
    @Inject
    PrivacyTexts texts;

    @Test
    void theConfiguredLanguagesAreOfferedInOrder() {
        assertThat(texts.languages()).containsExactly("en", "de");
        assertThat(texts.of("de").siteTitle()).isEqualTo("Datenschutz-Center");
        assertThat(texts.of("fr").siteTitle()).isEqualTo("Privacy center");
    }

    @Test
    void theLanguageAskedForWinsThenTheBrowsersThenTheDefault() {
        assertThat(texts.choose("de", "en")).isEqualTo("de");
        assertThat(texts.choose(null, "fr-CH, de;q=0.8, en;q=0.5")).isEqualTo("de");
        assertThat(texts.choose("fr", "fr")).isEqualTo("en");
        assertThat(texts.choose(null, "not a header;;;")).isEqualTo("en");
    }

    @Test
    void retentionIsSaidInWords() {
        assertThat(PrivacyLabels.retention(texts.of("en"), "P2Y")).isEqualTo("2 years");
        assertThat(PrivacyLabels.retention(texts.of("en"), "P1Y6M")).isEqualTo("1 year, 6 months");
        assertThat(PrivacyLabels.retention(texts.of("de"), "P30D")).isEqualTo("30 Tage");
        assertThat(PrivacyLabels.retention(texts.of("de"), "PT1H")).isEqualTo("1 Stunde");
        assertThat(PrivacyLabels.retention(texts.of("en"), "forever")).isEqualTo("forever");
    }

    @Test
    void theMessagesWithParametersFillThemIn() {
        assertThat(texts.of("en").errorCodeWrong(3)).isEqualTo("The code is not right. You have 3 more attempts.");
        assertThat(texts.of("de").codeValidity(10)).startsWith("Der Code ist 10 Minuten gültig.");
    }
}

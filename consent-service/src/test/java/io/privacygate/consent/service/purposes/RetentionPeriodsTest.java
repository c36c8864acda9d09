package io.privacygate.consent.service.purposes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPeriodsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {"P2Y|P2Y", "P30D|P30D",
            "PT12H|PT12H", "P1Y6M|P1Y6M", "P1Y2M3W4DT5H6M7S|P1Y2M3W4DT5H6M7S", "p3m|P3M", " P10D |P10D",
            "PT0.5S|PT0.5S", "PT1,5S|PT1.5S"})
    void acceptsPositiveIsoDurationsInCanonicalForm(String given, String canonical) {
        assertThat(RetentionPeriods.parse(given)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "P0D", "PT0S", "P0Y0M", "2 years", "-P1D", "P1.5Y", "P1DT", "1Y", "P1H", "PT1D",
            "P1Y junk"})
    void refusesWhatIsNotAPositiveIsoDuration(String given) {
        assertThat(RetentionPeriods.parse(given)).isEmpty();
    }

    @Test
    void refusesNothing() {
        assertThat(RetentionPeriods.parse(null)).isEmpty();
    }
}

package io.privacygate.consent.service.consents;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceSourcesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "https://shop.example.org/signup|https://shop.example.org/signup",
            "https://shop.example.org/signup?email=jane@example.org&utm=x|https://shop.example.org/signup",
            "HTTPS://jane:secret@shop.example.org:8443/a/b#jane@example.org|https://shop.example.org:8443/a/b",
            "https://shop.example.org|https://shop.example.org",
            "paper form 2026-03|paper form 2026-03",
            "kiosk 4?visitor=jane@example.org|kiosk 4",
            "'   '|NULL"})
    void keepsTheFormAndDropsWhatCouldNameThePerson(String given, String kept) {
        assertThat(EvidenceSources.withoutPersonalParts(given)).isEqualTo(kept);
    }
}

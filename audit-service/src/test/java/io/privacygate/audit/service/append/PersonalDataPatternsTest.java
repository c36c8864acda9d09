package io.privacygate.audit.service.append;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataPatternsTest {

    @Test
    void findsEmailAddressesAnywhere() {
        for (String value : List.of("jane@example.org", "Jane.Doe+news@mail.Example.co.uk", "sent to a.b@c.de today",
                "<x_y@domain.io>")) {
            assertThat(PersonalDataPatterns.looksPersonal(value)).as(value).isTrue();
        }
    }

    @Test
    void findsPhoneNumbers() {
        for (String value : List.of("+49 170 1234567", "+491701234567", "tel:+1-202-555-0143", "0049 (0)170 1234567",
                "call 0044 20 7946 0958 after 5", "(555) 123-4567", "0170 1234567", "030/1234567", "555-123-4567",
                "+33.1.23.45.67.89")) {
            assertThat(PersonalDataPatterns.looksPersonal(value)).as(value).isTrue();
        }
    }

    @Test
    void treatsBareNumbersAsIdentifiersOnlyInIdentifierFields() {
        assertThat(PersonalDataPatterns.looksPersonal("4915112345678")).isFalse();
        assertThat(PersonalDataPatterns.looksLikeDirectIdentifier("4915112345678")).isTrue();
        assertThat(PersonalDataPatterns.looksLikeDirectIdentifier("+4915112345678")).isTrue();
        assertThat(PersonalDataPatterns.looksLikeDirectIdentifier("123456")).isFalse();
    }

    @Test
    void acceptsWhatEventsLegitimatelyCarry() {
        for (String value : List.of("consent.withdrawn", "marketing-leads", "2026-11-29", "2026-11-29T10:15:30.120Z",
                "10:00:00", "P30D", "150000", "12345.678", "3", "v2.1", "client:consent-service", "noticeVersion",
                "purpose@v2.1", "SUCCESS", "no consent for purpose social-engagement", "sha256:9f86d081884c7d65",
                "2026-01-01/2026-02-01", "-5", "1.2.3")) {
            assertThat(PersonalDataPatterns.looksLikeDirectIdentifier(value)).as(value).isFalse();
        }
    }

    @Test
    void acceptsLargeCountsInDetails() {
        assertThat(PersonalDataPatterns.looksPersonal("1500000")).isFalse();
        assertThat(PersonalDataPatterns.looksPersonal("12345678901")).isFalse();
    }

    @Test
    void neverRefusesAUuidOrAPrefixedOne() {
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            assertThat(PersonalDataPatterns.looksLikeDirectIdentifier(uuid.toString())).as(uuid.toString()).isFalse();
            assertThat(PersonalDataPatterns.looksLikeDirectIdentifier("user:" + uuid)).as(uuid.toString()).isFalse();
        }
        for (String uuid : List.of("00491234-5678-9012-3456-789012345678", "12345678-0049-1701-2345-678901234567",
                "00000000-0000-0000-0000-000000000000", "12345678-1234-1234-1234-123456789012")) {
            assertThat(PersonalDataPatterns.looksLikeDirectIdentifier(uuid)).as(uuid).isFalse();
        }
    }
}

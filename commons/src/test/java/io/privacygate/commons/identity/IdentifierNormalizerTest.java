package io.privacygate.commons.identity;

import io.privacygate.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifierNormalizerTest {

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(IdentifierNormalizer.normalize(IdentifierType.EMAIL, "  Alice.Smith@Example.ORG ", "f"))
                .isEqualTo("alice.smith@example.org");
    }

    @Test
    void phoneBecomesE164() {
        assertThat(IdentifierNormalizer.normalize(IdentifierType.PHONE, "+49 (30) 1234-5678", "f")).isEqualTo("+493012345678");
        assertThat(IdentifierNormalizer.normalize(IdentifierType.PHONE, "0049 30 12345678", "f")).isEqualTo("+493012345678");
    }

    @Test
    void platformIdsAreKeptAsGiven() {
        assertThat(IdentifierNormalizer.normalize(IdentifierType.FACEBOOK, "AbC-123", "f")).isEqualTo("AbC-123");
    }

    @Test
    void aNumberWithoutCountryCodeIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> IdentifierNormalizer.normalize(IdentifierType.PHONE, "030 1234567", "identifiers[0].value"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException problem = (ProblemException) e;
                    assertThat(problem.toProblem().status()).isEqualTo(400);
                    assertThat(problem.toProblem().errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("identifiers[0].value"));
                    assertThat(problem.toProblem().toString()).doesNotContain("1234567");
                });
    }

    @Test
    void aMalformedEmailIsRefused() {
        assertThatThrownBy(() -> IdentifierNormalizer.normalize(IdentifierType.EMAIL, "not-an-address", "f"))
                .isInstanceOf(ProblemException.class);
    }
}

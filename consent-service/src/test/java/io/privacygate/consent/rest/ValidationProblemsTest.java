package io.privacygate.consent.rest;

import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.consent.api.BatchDecisionRequest;
import io.privacygate.consent.api.DecisionRequest;
import io.privacygate.consent.api.PurposeRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationProblemsTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static <T> List<String> fields(T bean) {
        Set<ConstraintViolation<T>> violations = validator.validate(bean);
        return violations.stream().map(ValidationProblems::fieldName).sorted().toList();
    }

    @Test
    void namesAFieldOfAListElementWithItsIndexOnTheList() {
        DecisionRequest good = new DecisionRequest(UUID.randomUUID(), null, "newsletter", "email");
        DecisionRequest bad = new DecisionRequest(null, List.of(new Identifier(IdentifierType.EMAIL, " ")), "newsletter", "");
        assertThat(fields(new BatchDecisionRequest(List.of(good, bad))))
                .containsExactly("queries[1].channel", "queries[1].identifiers[0].value");
    }

    @Test
    void namesAListElementItself() {
        PurposeRequest purpose = new PurposeRequest("ok-key", "Title", null, LegalBasis.CONTRACT,
                List.of("email", ""), "P1Y", List.of(), List.of("Email"), null, null, null, false);
        assertThat(fields(purpose)).containsExactly("channels[0]", "dataCategories[1]");
    }
}

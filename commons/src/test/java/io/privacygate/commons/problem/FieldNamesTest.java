package io.privacygate.commons.problem;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Field names in validation problems read like the JSON the client sent. */
class FieldNamesTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    record Query(List<@Valid Identifier> identifiers, @NotBlank String channel) {
    }

    record Batch(List<@Valid Query> queries) {
    }

    record Tags(List<@NotBlank String> channels, List<@NotBlank String> categories) {
    }

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static List<String> fields(Object bean) {
        return validator.validate(bean).stream().map(ProblemMappers::fieldName).sorted().toList();
    }

    @Test
    void aFieldOfAListElementCarriesTheIndexOnTheList() {
        Query good = new Query(List.of(), "email");
        Query bad = new Query(List.of(new Identifier(IdentifierType.EMAIL, " ")), "");
        assertThat(fields(new Batch(List.of(good, bad)))).containsExactly("queries[1].channel", "queries[1].identifiers[0].value");
    }

    @Test
    void aListElementItselfIsNamedByItsIndex() {
        assertThat(fields(new Tags(List.of("", "ok"), List.of("ok", "")))).containsExactly("categories[1]", "channels[0]");
    }
}

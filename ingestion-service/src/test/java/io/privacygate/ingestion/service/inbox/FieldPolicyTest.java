package io.privacygate.ingestion.service.inbox;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.ingestion.model.Channel;
import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldPolicyTest {
    private final FieldPolicy policy = new FieldPolicy(Map.of(Field.NAME, "name", Field.HANDLE, "name",
            Field.EMAIL, "contact", Field.PHONE, "contact", Field.TEXT, "message-content", Field.ANSWERS, "form-answers"));

    private final SocialEvent lead = new SocialEvent(Platform.META, Channel.FACEBOOK, EventKind.LEAD_FORM, "1", Instant.EPOCH,
            List.of(new Identifier(IdentifierType.EMAIL, "a@example.org")),
            Map.of(Field.NAME, "Ada", Field.EMAIL, "a@example.org", Field.PHONE, "+441234567890", Field.TEXT, "hi"),
            Map.of("store", "Leeds"), Map.of("form_id", "9"), null);

    @Test
    void onlyFieldsOfTheDeclaredCategoriesAreKept() {
        FieldPolicy.Kept kept = policy.keep(lead, List.of("contact"));
        assertThat(kept.contact()).containsOnlyKeys(Field.EMAIL, Field.PHONE);
        assertThat(kept.content().text()).isNull();
        assertThat(kept.content().answers()).isEmpty();
        assertThat(kept.categories()).containsExactly("contact");
    }

    @Test
    void everythingDeclaredIsKeptWithItsCategories() {
        FieldPolicy.Kept kept = policy.keep(lead, List.of("contact", "name", "message-content", "form-answers"));
        assertThat(kept.contact()).containsOnlyKeys(Field.NAME, Field.EMAIL, Field.PHONE);
        assertThat(kept.content().text()).isEqualTo("hi");
        assertThat(kept.content().answers()).containsEntry("store", "Leeds");
        assertThat(kept.categories()).containsExactly("contact", "form-answers", "message-content", "name");
    }

    @Test
    void thePlatformContextIsKeptEvenWithNoCategory() {
        FieldPolicy.Kept kept = policy.keep(lead, List.of("unrelated"));
        assertThat(kept.contact()).isEmpty();
        assertThat(kept.categories()).isEmpty();
        assertThat(kept.content().context()).containsEntry("form_id", "9");
        assertThat(kept.toString()).doesNotContain("Ada").doesNotContain("a@example.org");
    }
}

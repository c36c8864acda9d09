package io.privacygate.ingestion.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.ingestion.ConsentServiceStub;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.platformId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 point 4 (Art. 14, data not obtained from the subject), ingestion's side of contract C3: each person resolved
 * from a platform event is resolved with the source it came from (the channel) and when it was obtained (the event's
 * trusted time), so that consent-service can record the source and start the one-month Art. 14(3)(a) clock. Read from
 * the consent stand-in in front of the real consent-service, which records every resolve entry as sent.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class Art14SourceTest {
    static final String PAGE = "6666666666";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommentersResolutionNamesTheChannelAndWhenTheDataWasObtained() {
        ensurePurposes();
        String user = platformId();
        long createdTime = Instant.now().minusSeconds(120).getEpochSecond();
        deliverMeta(metaComment(PAGE, user, "Ana Art", "obtained from Facebook", platformId(), createdTime)).then().statusCode(200);

        Db.await("the resolution", Duration.ofSeconds(30), () -> !entriesFor(user).isEmpty());
        JsonNode entry = entriesFor(user).getFirst();
        assertThat(entry.path("source").asText()).isEqualTo("facebook");
        assertThat(Instant.parse(entry.path("obtainedAt").asText())).isEqualTo(Instant.ofEpochSecond(createdTime));
    }

    private static List<JsonNode> entriesFor(String user) {
        return ConsentServiceStub.resolvedPeople().stream()
                .filter(person -> person.path("identifiers").toString().contains(user)).toList();
    }
}

package io.privacygate.ingestion.service;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.IngestionTestProfile;
import io.privacygate.testing.LogCapture;
import io.privacygate.testing.PeerService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaComment;
import static io.privacygate.ingestion.Fixtures.metaMessage;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Fail closed, lose nothing: while consent-service is down, deliveries are still acknowledged and wait in
 * the inbox, undecided and unprocessed; once it is back they are processed, once. Nothing of their
 * content reaches the log on the way.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ConsentOutageTest {
    static final String PAGE = "6666666666";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsWaitWhileConsentServiceIsDownAndAreProcessedWhenItReturns() {
        Db db = new Db(dataSource);
        ensurePurposes();
        String user = platformId();
        UUID subject = resolve("facebook", user);
        grant(subject, ENGAGEMENT);
        String name = "Otto Outage-" + platformId();
        String text = "Written while consent-service was down " + platformId();
        String unknownUser = platformId();
        String unknownText = "A stranger wrote " + platformId();

        try (LogCapture log = LogCapture.start()) {
            PeerService.stop("consent-service");
            try {
                deliverMeta(metaComment(PAGE, user, name, text, platformId())).then().statusCode(200);
                deliverMeta(metaMessage(PAGE, unknownUser, unknownText, "m_" + platformId())).then().statusCode(200);
                Db.await("failed attempts", Duration.ofSeconds(30),
                        () -> db.count("select count(*) from inbox_delivery where attempts >= 2") >= 2);
                assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isZero();
                assertThat(db.count("select count(*) from inbox_delivery where last_error = 'ConsentUnavailableException'")).isGreaterThanOrEqualTo(2);
            } finally {
                PeerService.restart("consent-service");
            }
            db.awaitInboxEmpty();

            assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isEqualTo(1);
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                    .then().statusCode(200).body("items[0].text", equalTo(text));
            UUID stranger = resolve("facebook", unknownUser);
            assertThat(db.count("select count(*) from interaction where subject_id = ?", stranger)).isEqualTo(1);

            assertThat(log.lines()).isNotEmpty();
            for (String personal : new String[]{user, name, text, unknownUser, unknownText}) {
                assertThat(log.contains(personal)).as("the log holds no personal data").isFalse();
            }
        }
    }
}

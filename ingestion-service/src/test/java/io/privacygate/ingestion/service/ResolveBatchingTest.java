package io.privacygate.ingestion.service;

import io.agroal.api.AgroalDataSource;
import io.privacygate.ingestion.ConsentServiceStub;
import io.privacygate.ingestion.Db;
import io.privacygate.ingestion.GraphApiStub;
import io.privacygate.ingestion.IngestionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.ingestion.Fixtures.ENGAGEMENT;
import static io.privacygate.ingestion.Fixtures.LEADS;
import static io.privacygate.ingestion.Fixtures.as;
import static io.privacygate.ingestion.Fixtures.crmAgent;
import static io.privacygate.ingestion.Fixtures.deliverMeta;
import static io.privacygate.ingestion.Fixtures.email;
import static io.privacygate.ingestion.Fixtures.ensurePurposes;
import static io.privacygate.ingestion.Fixtures.grant;
import static io.privacygate.ingestion.Fixtures.metaLeadgen;
import static io.privacygate.ingestion.Fixtures.platformId;
import static io.privacygate.ingestion.Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue #4: the people of a round are resolved in batch calls to consent-service, not one call each, and
 * people resolved before cost no call at all. Counted at {@link ConsentServiceStub}: behaviour, not timing.
 */
@QuarkusTest
@TestProfile(IngestionTestProfile.class)
class ResolveBatchingTest {
    static final String PAGE = "4444444444";
    static final int PEOPLE = 120;

    @Inject
    AgroalDataSource dataSource;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        ensurePurposes();
        db.awaitInboxEmpty();
    }

    @Test
    void aRoundOfManyNewPeopleCostsOneResolveCallAndKnownPeopleNone() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            users.add(platformId());
        }
        // three of them, spread over the round, have consented: each must get its own subject's content
        Map<Integer, UUID> consented = Map.of(0, resolve("facebook", users.get(0)),
                PEOPLE / 2, resolve("facebook", users.get(PEOPLE / 2)), PEOPLE - 1, resolve("facebook", users.get(PEOPLE - 1)));
        consented.values().forEach(subject -> grant(subject, ENGAGEMENT));
        int batches = ConsentServiceStub.batchCalls();
        int entries = ConsentServiceStub.batchEntries();
        int singles = ConsentServiceStub.singleCalls();

        deliverMeta(comments(users, "first")).then().statusCode(200);
        db.awaitInboxEmpty();

        assertThat(ConsentServiceStub.batchCalls() - batches).as("batch resolve calls for %d new people", PEOPLE).isEqualTo(1);
        assertThat(ConsentServiceStub.batchEntries() - entries).isEqualTo(PEOPLE);
        assertThat(ConsentServiceStub.singleCalls() - singles).isZero();
        consented.forEach((i, subject) -> {
            assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isEqualTo(1);
            as(crmAgent()).header("X-Purpose", ENGAGEMENT).get("/api/v1/contacts/" + subject + "/interactions")
                    .then().statusCode(200).body("items[0].text", equalTo(text(users.get(i), "first")));
        });

        deliverMeta(comments(users, "again")).then().statusCode(200);
        db.awaitInboxEmpty();

        assertThat(ConsentServiceStub.batchCalls() - batches).as("people resolved before cost no call").isEqualTo(1);
        assertThat(ConsentServiceStub.singleCalls() - singles).isZero();
        consented.values().forEach(subject ->
                assertThat(db.count("select count(*) from interaction where subject_id = ?", subject)).isEqualTo(2));
    }

    @Test
    void identifiersOfTwoSubjectsAreRefusedAndTheEventSkipped() {
        String leadEmail = email();
        String phone = "+3361" + platformId().substring(0, 7);
        UUID byEmail = resolve("email", leadEmail);
        UUID byPhone = resolve("phone", phone);
        grant(byEmail, LEADS);
        grant(byPhone, LEADS);
        String leadId = platformId();
        GraphApiStub.lead(leadId, "[{\"name\":\"email\",\"values\":[\"" + leadEmail + "\"]},"
                + "{\"name\":\"phone_number\",\"values\":[\"" + phone + "\"]}]");
        long skipped = unidentifiableSkips();
        int batches = ConsentServiceStub.batchCalls();

        deliverMeta(metaLeadgen(PAGE, leadId)).then().statusCode(200);
        db.awaitInboxEmpty();

        assertThat(ConsentServiceStub.batchCalls()).isGreaterThan(batches);
        assertThat(unidentifiableSkips()).isEqualTo(skipped + 1);
        assertThat(db.count("select count(*) from interaction where subject_id in (?, ?)", byEmail, byPhone)).isZero();
    }

    private long unidentifiableSkips() {
        return db.count("select count(*) from outbox_message where destination = 'audit' and strpos(payload, ?) > 0",
                "\"unidentifiable\"");
    }

    private static String text(String user, String round) {
        return "Comment " + round + " of " + user;
    }

    /** One delivery: a comment from each user, as one Meta webhook with a change per comment. */
    private static String comments(List<String> users, String round) {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder changes = new StringBuilder();
        for (String user : users) {
            if (!changes.isEmpty()) {
                changes.append(',');
            }
            changes.append("{\"value\":{\"from\":{\"id\":\"").append(user).append("\",\"name\":\"Person ").append(user)
                    .append("\"},\"message\":\"").append(text(user, round)).append("\",\"post_id\":\"").append(PAGE)
                    .append("_1\",\"comment_id\":\"").append(platformId()).append("\",\"created_time\":").append(now)
                    .append(",\"item\":\"comment\",\"parent_id\":\"").append(PAGE).append("_1\",\"verb\":\"add\"},\"field\":\"feed\"}");
        }
        return "{\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":" + now + ",\"changes\":[" + changes + "]}],\"object\":\"page\"}";
    }
}

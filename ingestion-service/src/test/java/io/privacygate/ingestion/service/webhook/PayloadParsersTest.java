package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.ingestion.TestPayloads;
import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.Channel;
import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadParsersTest {
    private static final Instant RECEIVED = Instant.parse("2026-04-06T00:00:00Z");
    private final Payloads payloads = new Payloads(new ObjectMapper(), Duration.ofMinutes(5));

    private List<SocialEvent> parse(Platform platform, String file) throws JsonProcessingException {
        return payloads.parse(platform, TestPayloads.bytes(file), RECEIVED);
    }

    private List<SocialEvent> parse(Platform platform, byte[] body) throws JsonProcessingException {
        return payloads.parse(platform, body, RECEIVED);
    }

    @Nested
    class Meta {
        @Test
        void aPageFeedCommentIsACommentWithItsAuthorAndUnescapedText() throws Exception {
            SocialEvent comment = parse(Platform.META, "meta-feed-comment.json").getFirst();
            assertThat(comment.channel()).isEqualTo(Channel.FACEBOOK);
            assertThat(comment.kind()).isEqualTo(EventKind.COMMENT);
            assertThat(comment.eventId()).isEqualTo("98765_1111");
            assertThat(comment.identifiers()).containsExactly(new Identifier(IdentifierType.FACEBOOK, "7001001"));
            assertThat(comment.fields()).containsEntry(Field.NAME, "Renée Müller")
                    .containsEntry(Field.TEXT, "Très bien — café ☕ ok?");
            assertThat(comment.occurredAt()).isEqualTo(Instant.ofEpochSecond(1712345678));
            assertThat(comment.context()).containsEntry("post_id", "1234567890_98765");
        }

        @Test
        void messengerKeepsReceivedMessagesAndSkipsEchoesAndReceipts() throws Exception {
            List<SocialEvent> events = parse(Platform.META, "meta-messenger.json");
            assertThat(events).hasSize(1);
            SocialEvent message = events.getFirst();
            assertThat(message.channel()).isEqualTo(Channel.MESSENGER);
            assertThat(message.kind()).isEqualTo(EventKind.DIRECT_MESSAGE);
            assertThat(message.eventId()).isEqualTo("m_AbCdEf123");
            assertThat(message.fields().get(Field.TEXT)).isEqualTo("Hallo, wo bleibt meine Bestellung? Überfällig!");
            assertThat(message.occurredAt()).isEqualTo(Instant.ofEpochMilli(1712345700123L));
        }

        @Test
        void instagramCommentsAndMessagesCarryInstagramIds() throws Exception {
            List<SocialEvent> events = parse(Platform.META, "meta-instagram.json");
            assertThat(events).extracting(SocialEvent::kind).containsExactly(EventKind.COMMENT, EventKind.DIRECT_MESSAGE);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.channel()).isEqualTo(Channel.INSTAGRAM);
                assertThat(e.identifiers()).containsExactly(new Identifier(IdentifierType.INSTAGRAM, "9003003"));
            });
            assertThat(events.getFirst().fields()).containsEntry(Field.HANDLE, "jo.nordlys").containsEntry(Field.TEXT, "Nydelig! øæå");
        }

        @Test
        void aLeadgenChangeWaitsForItsAnswersFromTheGraphApi() throws Exception {
            SocialEvent lead = parse(Platform.META, "meta-leadgen.json").getFirst();
            assertThat(lead.kind()).isEqualTo(EventKind.LEAD_FORM);
            assertThat(lead.eventId()).isEqualTo("555555555555");
            assertThat(lead.awaitsLeadData()).isTrue();
            assertThat(lead.identifiers()).isEmpty();
            assertThat(lead.context()).containsEntry("form_id", "444444444444").containsEntry("ad_id", "23850000000000001")
                    .containsEntry("page_id", "1234567890");
        }

        @Test
        void aGraphLeadLinksItsEmailAndPhoneAndKeepsOtherAnswers() throws Exception {
            SocialEvent lead = parse(Platform.META, "meta-graph-lead.json").getFirst();
            assertThat(lead.awaitsLeadData()).isFalse();
            assertThat(lead.identifiers()).containsExactly(new Identifier(IdentifierType.EMAIL, "lead.person@example.org"),
                    new Identifier(IdentifierType.PHONE, "+33612345678"));
            assertThat(lead.fields()).containsEntry(Field.NAME, "Léa Dupont");
            assertThat(lead.answers()).containsExactly(Map.entry("preferred_store", "Lyon"));
            assertThat(lead.occurredAt()).isEqualTo(Instant.parse("2026-04-05T18:18:20Z"));
        }

        @Test
        void thePagesOwnPostsAndVerbsThatChangeNothingStoredAreLeftOut() throws Exception {
            String own = TestPayloads.text("meta-feed-comment.json").replace("\"id\":\"7001001\"", "\"id\":\"1234567890\"");
            assertThat(parse(Platform.META, own.getBytes(StandardCharsets.UTF_8))).isEmpty();
            String hidden = TestPayloads.text("meta-feed-comment.json").replace("\"verb\":\"add\"", "\"verb\":\"hide\"");
            assertThat(parse(Platform.META, hidden.getBytes(StandardCharsets.UTF_8))).isEmpty();
        }

        @Test
        void anInstagramCommentMentionWaitsForItsCommentAndACaptionMentionIsLeftOut() throws Exception {
            List<SocialEvent> events = parse(Platform.META, "meta-instagram-mention.json");
            assertThat(events).hasSize(1);
            SocialEvent mention = events.getFirst();
            assertThat(mention.channel()).isEqualTo(Channel.INSTAGRAM);
            assertThat(mention.kind()).isEqualTo(EventKind.MENTION);
            assertThat(mention.eventId()).isEqualTo("17894227972186120");
            assertThat(mention.identifiers()).isEmpty();
            assertThat(mention.awaitsMentionedComment()).isTrue();
            assertThat(mention.context()).containsEntry(SocialEvent.MENTIONED_ACCOUNT, "17841405309211844")
                    .containsEntry("media_id", "17887498072083520");

            SocialEvent completed = MentionedComments.complete(mention, new ObjectMapper().readTree(
                    "{\"id\":\"17894227972186120\",\"text\":\"@acme hello\",\"from\":{\"id\":\"5501\",\"username\":\"ana\"}}"));
            assertThat(completed.identifiers()).containsExactly(new Identifier(IdentifierType.INSTAGRAM, "5501"));
            assertThat(completed.fields()).containsEntry(Field.HANDLE, "ana").containsEntry(Field.TEXT, "@acme hello");
            assertThat(completed.awaitsMentionedComment()).isFalse();
            assertThat(MentionedComments.complete(mention, new ObjectMapper().readTree("{\"text\":\"who?\"}")).fields()).isEmpty();
        }

        @Test
        void aRemovedCommentIsARemovalOfThatCommentNamingNobody() throws Exception {
            SocialEvent removal = parse(Platform.META, "meta-feed-comment-remove.json").getFirst();
            assertThat(removal.action()).isEqualTo(Action.DELETE);
            assertThat(removal.itemId()).isEqualTo("98765_1111");
            assertThat(removal.channel()).isEqualTo(Channel.FACEBOOK);
            assertThat(removal.identifiers()).isEmpty();
            assertThat(removal.fields()).isEmpty();
            String deleted = TestPayloads.text("meta-feed-comment-remove.json").replace("\"verb\":\"remove\"", "\"verb\":\"delete\"");
            assertThat(parse(Platform.META, deleted.getBytes(StandardCharsets.UTF_8)).getFirst().action()).isEqualTo(Action.DELETE);
        }

        @Test
        void anEditedCommentCarriesOnlyItsNewText() throws Exception {
            SocialEvent edit = parse(Platform.META, "meta-feed-comment-edited.json").getFirst();
            assertThat(edit.action()).isEqualTo(Action.EDIT);
            assertThat(edit.itemId()).isEqualTo("98765_1111");
            assertThat(edit.identifiers()).isEmpty();
            assertThat(edit.fields()).containsOnlyKeys(Field.TEXT).containsEntry(Field.TEXT, "Très bien — merci !");
            String edit2 = TestPayloads.text("meta-feed-comment-edited.json").replace("\"verb\":\"edited\"", "\"verb\":\"edit\"");
            assertThat(parse(Platform.META, edit2.getBytes(StandardCharsets.UTF_8)).getFirst().action()).isEqualTo(Action.EDIT);
        }

        @Test
        void twoEditsOfOneCommentAreTwoEventsAndTheRemovalAnother() throws Exception {
            SocialEvent edit = parse(Platform.META, "meta-feed-comment-edited.json").getFirst();
            String other = TestPayloads.text("meta-feed-comment-edited.json").replace("merci", "danke");
            SocialEvent edit2 = parse(Platform.META, other.getBytes(StandardCharsets.UTF_8)).getFirst();
            SocialEvent created = parse(Platform.META, "meta-feed-comment.json").getFirst();
            SocialEvent removal = parse(Platform.META, "meta-feed-comment-remove.json").getFirst();
            assertThat(List.of(edit.dedupeKey(), edit2.dedupeKey(), created.dedupeKey(), removal.dedupeKey())).doesNotHaveDuplicates();
            assertThat(removal.createKey(EventKind.COMMENT)).isEqualTo(created.dedupeKey());
            assertThat(List.of(edit.itemLookup(), removal.itemLookup())).containsOnly(created.itemLookup());
        }

        @Test
        void anUnknownObjectTypeIsRefusedNamingTheField() {
            assertThatThrownBy(() -> parse(Platform.META, "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes()))
                    .isInstanceOf(UnsupportedPayloadException.class)
                    .satisfies(e -> assertThat(((UnsupportedPayloadException) e).toProblem().errors())
                            .extracting(p -> p.field()).containsExactly("object"));
        }

        @Test
        void aLeadgenWithoutItsIdIsRefused() {
            String body = TestPayloads.text("meta-leadgen.json").replace("\"leadgen_id\":\"555555555555\",", "");
            assertThatThrownBy(() -> parse(Platform.META, body.getBytes()))
                    .isInstanceOf(UnsupportedPayloadException.class)
                    .satisfies(e -> assertThat(((UnsupportedPayloadException) e).toProblem().errors())
                            .extracting(p -> p.field()).containsExactly("entry[0].changes[0].value.leadgen_id"));
        }
    }

    @Nested
    class X {
        @Test
        void aMentionByAnotherUserIsKeptAndTheAccountsOwnTweetIsNot() throws Exception {
            List<SocialEvent> events = parse(Platform.X, "x-tweets.json");
            assertThat(events).hasSize(1);
            SocialEvent mention = events.getFirst();
            assertThat(mention.kind()).isEqualTo(EventKind.MENTION);
            assertThat(mention.eventId()).isEqualTo("1776300000000000001");
            assertThat(mention.identifiers()).containsExactly(new Identifier(IdentifierType.X, "3003003003"));
            assertThat(mention.fields()).containsEntry(Field.TEXT, "@acme ¿dónde está mi pedido?")
                    .containsEntry(Field.NAME, "María García").containsEntry(Field.HANDLE, "mariag");
            assertThat(mention.occurredAt()).isEqualTo(Instant.ofEpochMilli(1775413200000L));
        }

        @Test
        void aReplyToTheAccountIsAComment() throws Exception {
            String reply = TestPayloads.text("x-tweets.json").replace("\"in_reply_to_user_id_str\":null",
                    "\"in_reply_to_user_id_str\":\"2244994945\"");
            assertThat(parse(Platform.X, reply.getBytes(StandardCharsets.UTF_8)).getFirst().kind()).isEqualTo(EventKind.COMMENT);
        }

        @Test
        void aDirectMessageCarriesTheSendersNameFromUsers() throws Exception {
            SocialEvent message = parse(Platform.X, "x-direct-message.json").getFirst();
            assertThat(message.kind()).isEqualTo(EventKind.DIRECT_MESSAGE);
            assertThat(message.eventId()).isEqualTo("1776300000000000100");
            assertThat(message.fields()).containsEntry(Field.NAME, "María García")
                    .containsEntry(Field.TEXT, "Hola, necesito ayuda con mi cuenta");
        }

        @Test
        void aDeletedTweetIsARemovalOfThatTweet() throws Exception {
            SocialEvent removal = parse(Platform.X, "x-tweet-delete.json").getFirst();
            assertThat(removal.action()).isEqualTo(Action.DELETE);
            assertThat(removal.itemId()).isEqualTo("1776300000000000001");
            assertThat(removal.channel()).isEqualTo(Channel.X);
            assertThat(removal.identifiers()).isEmpty();
            assertThat(payloads.delivery(Platform.X, TestPayloads.bytes("x-tweet-delete.json"), RECEIVED).account())
                    .contains("2244994945");
        }

        @Test
        void aRevokeCarriesNoEventsOnlyTheAccountRevoked() throws Exception {
            Payloads.Delivery revoke = payloads.delivery(Platform.X, TestPayloads.bytes("x-user-event-revoke.json"), RECEIVED);
            assertThat(revoke.events()).isEmpty();
            assertThat(revoke.revokedAccount()).contains("2244994945");
            assertThat(payloads.delivery(Platform.X, TestPayloads.bytes("x-tweets.json"), RECEIVED).revokedAccount()).isEmpty();
        }

        @Test
        void aPayloadWithoutForUserIdIsRefused() {
            assertThatThrownBy(() -> parse(Platform.X, "{\"tweet_create_events\":[]}".getBytes()))
                    .isInstanceOf(UnsupportedPayloadException.class);
        }
    }

    @Nested
    class LinkedIn {
        @Test
        void aMembersCommentIsKeptAndLikesAndAdminCommentsAreNot() throws Exception {
            List<SocialEvent> events = parse(Platform.LINKEDIN, "linkedin-social-actions.json");
            assertThat(events).hasSize(1);
            SocialEvent comment = events.getFirst();
            assertThat(comment.kind()).isEqualTo(EventKind.COMMENT);
            assertThat(comment.eventId()).isEqualTo("81234001");
            assertThat(comment.identifiers()).containsExactly(new Identifier(IdentifierType.LINKEDIN, "urn:li:person:memberBBB"));
            assertThat(comment.fields()).containsEntry(Field.TEXT, "Gratulacje dla całego zespołu!");
        }

        @Test
        void aDeletedCommentIsARemovalOfTheCommentItNames() throws Exception {
            SocialEvent removal = parse(Platform.LINKEDIN, "linkedin-comment-delete.json").getFirst();
            assertThat(removal.action()).isEqualTo(Action.DELETE);
            assertThat(removal.itemId()).isEqualTo("urn:li:comment:(urn:li:activity:7100000000000000002,7100000000000000003)");
            SocialEvent created = parse(Platform.LINKEDIN, "linkedin-social-actions.json").getFirst();
            assertThat(created.itemLookup()).isEqualTo(removal.itemLookup());
        }

        @Test
        void anotherNotificationTypeIsRefused() {
            assertThatThrownBy(() -> parse(Platform.LINKEDIN, "{\"type\":\"MEMBER_ACTIVITY\"}".getBytes()))
                    .isInstanceOf(UnsupportedPayloadException.class);
        }

        @Test
        void aLeadNotificationIsALeadFormEventAwaitingItsResponse() throws Exception {
            String body = "{\"type\":\"LEAD_ACTION\",\"leadGenFormResponse\":\"urn:li:leadGenFormResponse:abc-1\","
                    + "\"leadGenForm\":\"urn:li:versionedLeadGenForm:(urn:li:leadGenForm:5150,2)\",\"leadAction\":\"CREATED\","
                    + "\"leadType\":\"SPONSORED\",\"occurredAt\":1775400000000}";
            SocialEvent lead = parse(Platform.LINKEDIN, body.getBytes(StandardCharsets.UTF_8)).getFirst();
            assertThat(lead.kind()).isEqualTo(EventKind.LEAD_FORM);
            assertThat(lead.channel()).isEqualTo(Channel.LINKEDIN);
            assertThat(lead.leadId()).isEqualTo("abc-1");
            assertThat(lead.awaitsLeadData()).isTrue();
            assertThat(lead.identifiers()).isEmpty();
            assertThat(lead.context()).containsEntry("leadType", "SPONSORED");
        }

        @Test
        void aLeadNotificationWithoutAResponseUrnIsRefusedAndOtherLeadActionsAreLeftOut() throws Exception {
            assertThatThrownBy(() -> parse(Platform.LINKEDIN, "{\"type\":\"LEAD_ACTION\",\"leadAction\":\"CREATED\"}".getBytes()))
                    .isInstanceOf(UnsupportedPayloadException.class);
            assertThat(parse(Platform.LINKEDIN, ("{\"type\":\"LEAD_ACTION\",\"leadAction\":\"DELETED\","
                    + "\"leadGenFormResponse\":\"urn:li:leadGenFormResponse:abc-1\"}").getBytes(StandardCharsets.UTF_8))).isEmpty();
        }
    }

    @Test
    void malformedJsonAndTrailingContentAreJsonErrors() {
        assertThatThrownBy(() -> parse(Platform.META, "{\"object\":".getBytes())).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> parse(Platform.META, "{} {}".getBytes())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void anEmptyBodyOrAnArrayIsNotAPayload() {
        assertThatThrownBy(() -> parse(Platform.META, new byte[0])).isInstanceOf(UnsupportedPayloadException.class);
        assertThatThrownBy(() -> parse(Platform.X, "[]".getBytes())).isInstanceOf(UnsupportedPayloadException.class);
    }

    @Test
    void eventsShowNoPersonalDataWhenPrinted() throws Exception {
        assertThat(parse(Platform.META, "meta-feed-comment.json").getFirst().toString())
                .doesNotContain("Renée").doesNotContain("7001001").doesNotContain("café");
    }
}

package io.privacygate.ingestion.service.inbox;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.SocialEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The platform's ids of a stored item, sealed under the inbox key (never in clear): the item id, and the author's
 * platform id where the event names one. Reconciliation (issue 21 point 3) needs them to ask the platform whether the
 * item, or its author's account, still exists; the item's keyed digest ({@code item_key}) cannot be reversed. The
 * ciphertext is bound to that digest, so it cannot be moved to another row's item.
 */
public final class ItemRefs {
    private ItemRefs() {
    }

    /** The ids of one stored item: {@code authorId} is null when the event named nobody on the item's channel. */
    public record Ref(String itemId, String authorId) {
        @Override
        public String toString() {
            return "Ref[sealed]";
        }
    }

    /** Null for anything but a creation: edits and removals are not stored. */
    static String seal(InboxCipher cipher, String itemKey, SocialEvent event) {
        if (event.action() != Action.CREATE) {
            return null;
        }
        String author = event.identifiers().stream()
                .filter(identifier -> identifier.type() == event.channel().identifierType())
                .map(Identifier::value).findFirst().orElse("");
        byte[] plain = (event.itemId() + "\n" + author).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(cipher.seal(rowId(itemKey), plain));
    }

    public static Ref open(InboxCipher cipher, String itemKey, String sealed) {
        String plain = new String(cipher.open(rowId(itemKey), Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
        int newline = plain.indexOf('\n');
        String author = plain.substring(newline + 1);
        return new Ref(plain.substring(0, newline), author.isEmpty() ? null : author);
    }

    private static UUID rowId(String itemKey) {
        return UUID.nameUUIDFromBytes(itemKey.getBytes(StandardCharsets.US_ASCII));
    }
}

package io.privacygate.commons.keys;

import io.privacygate.commons.crypto.WrappingKey;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * One KEK of a service: its versions, and how many stored keys each version wraps.
 *
 * @param toRewrap keys not yet under the newest version (rewrapping moves them)
 * @param unreadable keys under a version below the minimum decryption version: no rewrap can move them, and they
 *                   block nothing, since they are already lost
 */
@Schema(name = "KekStatus")
public record KekStatus(WrappingKey kek, int latestVersion, int minDecryptionVersion,
                        Map<Integer, Long> keysPerVersion, long toRewrap, long unreadable) {
}

package io.privacygate.commons.keys;

import io.privacygate.commons.crypto.KeysConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The date an erasure receipt states (issue 19, point 2): a backup taken before the erasure holds the subject's key
 * wrapped under the KEK version of its day. The schedule ({@link KeyRotation}) rotates every
 * {@code privacy-gate.keys.rotation-period} and each round retires every version before the previous one, so that
 * version is retired at most two periods later, plus one round's interval for the rewrap.
 */
@ApplicationScoped
public class BackupWindow {
    private final KeysConfig config;

    BackupWindow(KeysConfig config) {
        this.config = config;
    }

    public Instant unreadableAfter(Instant erasedAt) {
        return erasedAt.plus(config.rotationPeriod().multipliedBy(2)).plus(config.rewrapInterval());
    }
}

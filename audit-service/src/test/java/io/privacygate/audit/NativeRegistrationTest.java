package io.privacygate.audit;

import io.privacygate.audit.model.LeafCodec;
import io.privacygate.testing.NativeReflection;
import org.junit.jupiter.api.Test;

/**
 * Issue #22: every type this module hands to Jackson by hand (outside REST signatures, which Quarkus registers
 * itself) carries @RegisterForReflection, so a native executable writes and reads it as the JVM does.
 */
class NativeRegistrationTest {
    @Test
    void everyTypeSerialisedOutsideRestSignaturesIsRegistered() {
        NativeReflection.assertRegistered(LeafCodec.class);
    }
}

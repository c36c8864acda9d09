package io.privacygate.testing;

import io.privacygate.testing.fixture.Serialising;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeReflectionTest {
    private static final String FIXTURE = "io.privacygate.testing.fixture.";

    @Test
    void namesUnregisteredTypesHandedToJacksonDirectlyOrThroughAWrapperAndWhatTheyContain() throws URISyntaxException {
        Path testClasses = Path.of(Serialising.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertThat(NativeReflection.unregistered(List.of(testClasses), FIXTURE)).containsExactly(
                Serialising.Nested.class.getName(),
                Serialising.ReadOnly.class.getName(),
                Serialising.ReadWrapped.class.getName(),
                Serialising.Referenced.class.getName(),
                Serialising.Unregistered.class.getName(),
                Serialising.Wrapped.class.getName());
    }

    @Test
    void failsTheModuleWhoseCodeSerialisesAnUnregisteredType() {
        assertThatThrownBy(() -> NativeReflection.assertRegistered(Serialising.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Serialising.Unregistered.class.getName())
                .hasMessageNotContaining(Serialising.Registered.class.getName() + ",");
    }
}

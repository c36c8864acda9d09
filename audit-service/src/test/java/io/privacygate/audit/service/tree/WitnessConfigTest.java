package io.privacygate.audit.service.tree;

import io.privacygate.audit.config.AuditConfig;
import io.privacygate.testing.Witness;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The witness settings that must stop the start rather than fail at the first checkpoint. */
class WitnessConfigTest {
    private static final String ORIGIN = "privacy-gate.local/audit-log";

    @Test
    void noWitnessesMeansNoQuorum() {
        assertThat(service(Map.of(), 1).quorum()).isZero();
    }

    @Test
    void aQuorumOfAtMostTheWitnessesIsKept() {
        try (Witness one = Witness.start("w1.example", ORIGIN); Witness two = Witness.start("w2.example", ORIGIN)) {
            assertThat(service(Map.of("w1", witness(one.verifierKey()), "w2", witness(two.verifierKey())), 2).quorum()).isEqualTo(2);
            assertThatThrownBy(() -> service(Map.of("w1", witness(one.verifierKey())), 2))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("quorum");
        }
    }

    @Test
    void aKeyThatIsNoCosignerKeyStopsTheStart() {
        // The log's own kind of key (type 0x01) is no cosigner key (type 0x04).
        String logKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        assertThatThrownBy(() -> service(Map.of("w1", witness(logKey)), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static WitnessService service(Map<String, AuditConfig.Witness> witnesses, int quorum) {
        AuditConfig.WitnessPolicy policy = stub(AuditConfig.WitnessPolicy.class, Map.of("quorum", quorum, "timeout", Duration.ofSeconds(5)));
        AuditConfig config = stub(AuditConfig.class, Map.of("witnesses", witnesses, "witnessPolicy", policy));
        return new WitnessService(null, null, null, null, config);
    }

    private static AuditConfig.Witness witness(String key) {
        return stub(AuditConfig.Witness.class, Map.of("url", URI.create("http://127.0.0.1:9"), "key", key));
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        });
    }
}

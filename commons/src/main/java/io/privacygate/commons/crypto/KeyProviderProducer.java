package io.privacygate.commons.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vault.VaultTransitSecretReactiveEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the configured key provider. The Vault engine is looked up only when Vault is selected, since
 * the extension cannot work without a Vault address. The local provider refuses to invent a master key
 * unless allowed to (never in prod).
 */
@ApplicationScoped
public class KeyProviderProducer {
    private static final Logger LOG = Logger.getLogger(KeyProviderProducer.class);

    /** Built at start, so that a missing master key stops the service instead of its first request. */
    @Produces
    @Singleton
    @Startup
    KeyProvider keyProvider(KeysConfig config, ManagedKeyStore store,
                            Instance<VaultTransitSecretReactiveEngine> transit,
                            @ConfigProperty(name = "quarkus.application.name") String service,
                            CryptoFailures failures, MeterRegistry registry) {
        KeyProvider configured = switch (config.provider()) {
            case VAULT -> new VaultKeyProvider(transit.get(), config.vault());
            case LOCAL -> new LocalKeyProvider(localKeyring(config.local(), service), store);
        };
        return new MeteredKeyProvider(configured, config.provider(), failures, registry);
    }

    static LocalKeyring localKeyring(KeysConfig.Local local, String service) {
        if (local.masterKey().isPresent()) {
            return LocalKeyring.fixed(MasterKeyring.parse(local.masterKey().get()));
        }
        Path file = local.masterKeyFile().orElse(local.dir().resolve(service + "-master.keys"));
        try {
            if (Files.exists(file)) {
                return LocalKeyring.file(file);
            }
            if (!local.generateIfMissing()) {
                throw new ConfigurationException("No master key: set privacy-gate.keys.local.master-key (from a secret) "
                        + "or privacy-gate.keys.local.master-key-file, or use privacy-gate.keys.provider=vault.");
            }
            LOG.warnf("No master key configured: generated one at %s. Fine for development, never for production.", file);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, MasterKeyring.format(Map.of(1, AesGcm.newKey())));
            LocalKeyring.trySetOwnerOnly(file);
            return LocalKeyring.file(file);
        } catch (IOException e) {
            throw new ConfigurationException("The master key file " + file + " cannot be read or written", e);
        }
    }
}

package io.privacygate.consent.service.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.KeyUnavailableException;
import io.privacygate.commons.crypto.ManagedKey;
import io.privacygate.commons.crypto.ManagedKeyStore;
import io.privacygate.commons.crypto.WrappingKey;
import io.privacygate.consent.repository.ReceiptKeyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ES256 keys that sign consent receipts (#19 point 3): one managed key pair per generation, its private half
 * wrapped by the signing-keys KEK and its public half kept as a JWK. The newest generation signs; every generation
 * stays published, so a receipt signed before a rotation still verifies after it.
 */
@ApplicationScoped
public class ReceiptKeys {
    /** The managed key of generation 1: the receipt key from before generations. */
    static final String FIRST_KEY_NAME = "consent-receipt-es256";
    private final KeyProvider provider;
    private final ManagedKeyStore store;
    private final ReceiptKeyRepository generations;
    private final Map<String, ManagedKey<ECKey>> managed = new ConcurrentHashMap<>();

    ReceiptKeys(KeyProvider provider, ManagedKeyStore store, ReceiptKeyRepository generations) {
        this.provider = provider;
        this.store = store;
        this.generations = generations;
    }

    /** The private signing key of the newest generation, with its key id. Read each time: another replica may rotate. */
    public Uni<ECKey> signingKey() {
        return generations.newest().chain(newest -> newest == null
                ? registered(FIRST_KEY_NAME, "system:consent-service")
                : managed(newest.keyName()).get());
    }

    /** The public keys of every generation, oldest first. */
    public Uni<JWKSet> publicKeys() {
        return signingKey().chain(generations::all).map(all -> {
            List<JWK> keys = new ArrayList<>(all.size());
            all.forEach(generation -> keys.add(parse(generation.publicJwk())));
            return new JWKSet(keys);
        });
    }

    /** A new generation signs from now on; the earlier ones stay published. @return the new signing key */
    public Uni<ECKey> rotate(String actor) {
        return signingKey().chain(() -> registered(FIRST_KEY_NAME + "-" + UUID.randomUUID(), actor));
    }

    /** The managed key of this name, created if new, registered as a generation if it is not yet. */
    private Uni<ECKey> registered(String keyName, String actor) {
        return managed(keyName).get().call(key -> generations.register(keyName, key.getKeyID(),
                key.toPublicJWK().toJSONString(), actor));
    }

    private ManagedKey<ECKey> managed(String keyName) {
        return managed.computeIfAbsent(keyName, name -> ManagedKey.keyPair(name, WrappingKey.SIGNING_KEYS, provider, store,
                ReceiptKeys::generate, ReceiptKeys::withPrivateKey));
    }

    private static JWK parse(String publicJwk) {
        try {
            return ECKey.parse(publicJwk);
        } catch (ParseException e) {
            throw new KeyUnavailableException("A receipt public key cannot be read.", e);
        }
    }

    private static ManagedKey.Generated generate() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new ManagedKey.Generated(key.toECPrivateKey().getEncoded(), key.toPublicJWK().toJSONString());
        } catch (JOSEException e) {
            throw new KeyUnavailableException("The receipt signing key cannot be generated.", e);
        }
    }

    private static ECKey withPrivateKey(String publicJwk, byte[] pkcs8) {
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new ECKey.Builder(ECKey.parse(publicJwk)).privateKey(privateKey).build();
        } catch (GeneralSecurityException | ParseException e) {
            throw new KeyUnavailableException("The receipt signing key cannot be read.", e);
        }
    }
}

package io.privacygate.consent.service.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.privacygate.commons.crypto.KeyProvider;
import io.privacygate.commons.crypto.KeyUnavailableException;
import io.privacygate.commons.crypto.ManagedKey;
import io.privacygate.commons.crypto.ManagedKeyStore;
import io.privacygate.commons.crypto.WrappingKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;

/**
 * The ES256 key that signs consent receipts: a managed key pair, its private half wrapped by the signing-keys KEK
 * and its public half kept as a JWK.
 */
@ApplicationScoped
public class ReceiptKeys {
    private static final String KEY_NAME = "consent-receipt-es256";
    private final ManagedKey<ECKey> signing;

    ReceiptKeys(KeyProvider provider, ManagedKeyStore store) {
        this.signing = ManagedKey.keyPair(KEY_NAME, WrappingKey.SIGNING_KEYS, provider, store, ReceiptKeys::generate,
                ReceiptKeys::withPrivateKey);
    }

    /** The private signing key, with its key id. */
    public Uni<ECKey> signingKey() {
        return signing.get();
    }

    /** The public keys that verify receipts. */
    public Uni<JWKSet> publicKeys() {
        return signingKey().map(key -> new JWKSet(key.toPublicJWK()));
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

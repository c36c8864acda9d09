package io.privacygate.consent.service.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.privacygate.commons.crypto.KeyUnavailableException;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.audit.Actors;
import io.privacygate.consent.api.ReceiptKeyView;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.Purpose;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consent receipts: the record of one consent event in the shape of ISO/IEC TS 27560 (consent record
 * information structure), signed as a compact JWS (ES256) that anyone can verify with the published
 * JWKS. The subject appears only by its pseudonymous id: a receipt carries no identifier in clear, so it
 * remains valid proof (Art. 7(1)) after an erasure. A receipt is signed when its event is recorded and kept with it,
 * so every fetch gives the very receipt issued; events recorded before that was so are signed when fetched.
 */
@ApplicationScoped
public class ReceiptService {
    public static final String MEDIA_TYPE = "application/jose";
    static final String SCHEMA = "ISO/IEC TS 27560:2023";

    private final ConsentEventRepository events;
    private final PurposeRepository purposes;
    private final ReceiptKeys keys;
    private final ConsentConfig config;
    private final ConsentAudit audit;
    private final SecurityIdentity identity;

    ReceiptService(ConsentEventRepository events, PurposeRepository purposes, ReceiptKeys keys, ConsentConfig config,
                   ConsentAudit audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
        this.events = events;
        this.purposes = purposes;
        this.keys = keys;
        this.config = config;
    }

    @WithSession
    public Uni<String> receipt(UUID receiptId) {
        return events.findByReceiptId(receiptId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such receipt."))
                .chain(event -> event.receiptJws != null
                        ? Uni.createFrom().item(event.receiptJws)
                        : purposes.findVersion(event.purposeKey, event.purposeVersion).chain(purpose -> sign(event, purpose)));
    }

    /** The receipt of an event about to be recorded, under the current receipt key. */
    public Uni<String> sign(ConsentEvent event, Purpose purpose) {
        return keys.signingKey().map(key -> sign(claims(event, purpose), key));
    }

    /**
     * A new receipt signing key signs from now on (#19 point 3); receipts signed before keep their signature, and the
     * earlier public keys stay in the JWKS. Audited.
     */
    public Uni<ReceiptKeyView> rotateKey() {
        String actor = Actors.of(identity);
        return keys.rotate(actor).chain(key -> Panache.withTransaction(() -> audit.receiptKeyRotated(key.getKeyID()))
                .replaceWith(new ReceiptKeyView(key.getKeyID(), Timestamps.now())));
    }

    /** The public keys that verify receipts, every generation's, as a JWK Set. */
    public Uni<Map<String, Object>> jwks() {
        return keys.publicKeys().map(set -> set.toJSONObject(true));
    }

    JWTClaimsSet claims(ConsentEvent event, Purpose purpose) {
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("name", config.controller().name());
        controller.put("contact", config.controller().contact());

        Map<String, Object> notice = new LinkedHashMap<>();
        putIfPresent(notice, "url", purpose.noticeUrl);
        notice.put("version", event.noticeVersion);
        putIfPresent(notice, "language", event.noticeLanguage);
        putIfPresent(notice, "hash", event.noticeHash);

        Map<String, Object> purposeClaim = new LinkedHashMap<>();
        purposeClaim.put("purpose_id", purpose.key);
        purposeClaim.put("purpose_version", purpose.version);
        purposeClaim.put("purpose", purpose.title);
        purposeClaim.put("legal_basis", purpose.legalBasis.name());
        purposeClaim.put("legal_basis_iri", purpose.legalBasis.dpvIri());
        purposeClaim.put("pii_categories", purpose.dataCategories);
        purposeClaim.put("storage_duration", purpose.retention);
        purposeClaim.put("recipients", purpose.recipients);
        purposeClaim.put("channels", purpose.channels);

        Map<String, Object> eventClaim = new LinkedHashMap<>();
        eventClaim.put("event_id", event.id.toString());
        eventClaim.put("event_type", switch (event.state) {
            case GRANTED -> "consent-given";
            case WITHDRAWN -> "consent-withdrawn";
            case DENIED -> "consent-refused";
        });
        eventClaim.put("event_state", event.state.name());
        eventClaim.put("event_time", event.capturedAt.toString());
        eventClaim.put("recorded_at", event.recordedAt.toString());
        eventClaim.put("collection_method", event.collectionMethod);
        putIfPresent(eventClaim, "source", event.source);
        putIfPresent(eventClaim, "form_id", event.formId);

        return new JWTClaimsSet.Builder()
                .issuer(config.receipts().issuer())
                .subject(event.subjectId.toString())
                .jwtID(event.receiptId.toString())
                .issueTime(Date.from(event.recordedAt))
                .claim("schema_version", SCHEMA)
                .claim("record_id", event.receiptId.toString())
                .claim("pii_principal_id", event.subjectId.toString())
                .claim("data_controller", controller)
                .claim("jurisdiction", "EU")
                .claim("legislation", "Regulation (EU) 2016/679")
                .claim("notice", notice)
                .claim("purposes", List.of(purposeClaim))
                .claim("event", eventClaim)
                .build();
    }

    private static String sign(JWTClaimsSet claims, ECKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new KeyUnavailableException("The receipt cannot be signed.", e);
        }
        return jwt.serialize();
    }

    private static void putIfPresent(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}

package io.privacygate.ingestion.service.webhook;

import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.service.IngestionAudit;
import io.privacygate.ingestion.service.inbox.InboxCipher;
import io.privacygate.ingestion.service.inbox.InboxKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts webhook deliveries refused for their signature, per platform and source, and audits the counts
 * once per window ({@code webhook.signature-rejected}, outcome DENIED, what audit-service's denied-burst
 * rule reads). Never one event per request: whoever sends bad signatures must not be able to fill the
 * outbox. The source is a keyed digest of the remote address (under the inbox key, domain-separated), cut
 * to 16 hex digits: the same address is recognisable across windows, the address itself is not kept.
 * Addresses are held in memory only until the window closes; beyond {@link #MAX_SOURCES} per window the
 * rest is counted under one overflow source, so that many addresses cannot grow the memory or the outbox.
 */
@ApplicationScoped
public class SignatureRejections {
    static final int MAX_SOURCES = 1_000;
    static final String OVERFLOW = "overflow";
    private static final String DOMAIN = "webhook-source:";

    private record Key(Platform platform, String address) {
    }

    private record Window(Instant start, Map<Key, LongAdder> counts) {
    }

    private final InboxKeys keys;
    private final IngestionAudit audit;
    private final AtomicReference<Window> current = new AtomicReference<>(newWindow());

    SignatureRejections(InboxKeys keys, IngestionAudit audit) {
        this.keys = keys;
        this.audit = audit;
    }

    public void count(Platform platform, String remoteAddress) {
        Map<Key, LongAdder> counts = current.get().counts();
        Key key = new Key(platform, remoteAddress == null ? OVERFLOW : remoteAddress);
        if (counts.size() >= MAX_SOURCES && !counts.containsKey(key)) {
            key = new Key(platform, OVERFLOW);
        }
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Closes the window and audits one event per platform and source seen in it. @return events audited */
    public Uni<Integer> flush() {
        Window closed = current.getAndSet(newWindow());
        if (closed.counts().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant end = Instant.now();
        // The records are made inside the transaction: each one enqueues on the transaction's session.
        return keys.cipher().chain(cipher -> Panache.withTransaction(() -> Uni.join().all(closed.counts().entrySet().stream()
                        .map(entry -> audit.signatureRejected(entry.getKey().platform().wireName(),
                                pseudonym(cipher, entry.getKey().address()), entry.getValue().sum(), closed.start(), end))
                        .toList()).andFailFast()))
                .replaceWith(closed.counts().size());
    }

    private static String pseudonym(InboxCipher cipher, String address) {
        return OVERFLOW.equals(address) ? OVERFLOW : "src:" + cipher.digest(DOMAIN + address).substring(0, 16);
    }

    private static Window newWindow() {
        return new Window(Instant.now(), new ConcurrentHashMap<>());
    }
}

package io.privacygate.commons.outbox;

import io.privacygate.commons.oidc.ServiceAccountTokens;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.privacygate.commons.retry.Backoff;
import io.privacygate.commons.tracing.TraceContext;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Delivers outbox messages. Each round claims due messages with a lease (SKIP LOCKED, so replicas share
 * the work), sends them, deletes what was delivered and reschedules the rest with exponential backoff.
 * A crash mid-delivery only lets the lease run out: the message is sent again, which is why every
 * delivery carries an idempotency key.
 * <p>
 * Each delivery is a span whose parent is the trace context stored with its (first) message, so that one trace runs
 * from the request that made the change to the peer that receives it; the peer gets that span as {@code traceparent}.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final OutboxConfig config;
    private final ServiceAccountTokens tokens;
    private final WebClient http;
    private final Tracer tracer;

    OutboxRelay(Pool pool, OutboxConfig config, ServiceAccountTokens tokens, Vertx vertx, Tracer tracer) {
        this.pool = pool;
        this.config = config;
        this.tokens = tokens;
        this.http = WebClient.create(vertx);
        this.tracer = tracer;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Scheduled(every = "${privacy-gate.outbox.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    Uni<Void> relayDue() {
        return relayRound().replaceWithVoid();
    }

    /** One round: returns how many messages were delivered. */
    public Uni<Integer> relayRound() {
        return claim().chain(messages -> Multi.createFrom().iterable(groupIntoRequests(messages))
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().asList()
                .map(delivered -> delivered.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<List<Claimed>> claim() {
        return pool.preparedQuery("""
                        update outbox_message set next_attempt_at = now() + make_interval(secs => $1), attempts = attempts + 1
                        where id in (select id from outbox_message where next_attempt_at <= now()
                                     order by created_at limit $2 for update skip locked)
                        returning id, destination, idempotency_key, payload, attempts, traceparent, tracestate""")
                .execute(Tuple.of(config.lease().toMillis() / 1000.0, config.claimSize()))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(row.getUUID("id"), row.getString("destination"),
                                row.getString("idempotency_key"), row.getString("payload"), row.getInteger("attempts"),
                                trace(row.getString("traceparent"), row.getString("tracestate"))));
                    }
                    return claimed;
                });
    }

    private static TraceContext trace(String traceparent, String tracestate) {
        return traceparent == null ? null : new TraceContext(traceparent, tracestate);
    }

    private List<Delivery> groupIntoRequests(List<Claimed> messages) {
        Map<String, List<Claimed>> byDestination = messages.stream()
                .collect(Collectors.groupingBy(Claimed::destination, LinkedHashMap::new, Collectors.toList()));
        List<Delivery> deliveries = new ArrayList<>();
        byDestination.forEach((name, group) -> {
            OutboxConfig.Destination destination = config.destinations().get(name);
            if (destination != null && destination.batchField().isPresent()) {
                for (int i = 0; i < group.size(); i += destination.maxBatch()) {
                    deliveries.add(new Delivery(name, destination, group.subList(i, Math.min(group.size(), i + destination.maxBatch()))));
                }
            } else {
                group.forEach(message -> deliveries.add(new Delivery(name, destination, List.of(message))));
            }
        });
        return deliveries;
    }

    private Uni<Integer> deliver(Delivery delivery) {
        if (delivery.destination() == null) {
            LOG.warnf("Outbox destination '%s' is not configured; %d message(s) wait", delivery.name(), delivery.messages().size());
            return reschedule(delivery.messages(), "destination not configured").replaceWith(0);
        }
        if (delivery.destination().auth() == OutboxConfig.Auth.SIGNED && delivery.destination().signingSecret().isEmpty()) {
            // Fail closed: a receiver outside the suite never gets an unsigned delivery, nor the suite's token.
            LOG.warnf("Outbox destination '%s' is signed but has no signing secret; %d message(s) wait",
                    delivery.name(), delivery.messages().size());
            return reschedule(delivery.messages(), "signing secret not configured").replaceWith(0);
        }
        Span span = deliverySpan(delivery);
        return send(delivery, span)
                .invoke(status -> span.setAttribute("http.response.status_code", (long) status)
                        .setStatus(status / 100 == 2 ? StatusCode.UNSET : StatusCode.ERROR))
                .onFailure().invoke(e -> span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName()))
                .onTermination().invoke(span::end)
                .chain(status -> {
                    if (status / 100 == 2) {
                        return delete(delivery.messages()).replaceWith(delivery.messages().size());
                    }
                    if (isRefusal(status) && delivery.messages().size() > 1) {
                        // One refused message must not hold back the others it was batched with.
                        return Multi.createFrom().iterable(delivery.singles())
                                .onItem().transformToUniAndConcatenate(this::deliver)
                                .collect().asList()
                                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
                    }
                    LOG.warnf("Outbox delivery to '%s' answered HTTP %d; will retry", delivery.name(), status);
                    return reschedule(delivery.messages(), "HTTP " + status).replaceWith(0);
                })
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Outbox delivery to '%s' failed (%s); will retry", delivery.name(), e.getClass().getSimpleName());
                    return reschedule(delivery.messages(), e.getClass().getSimpleName()).replaceWith(0);
                });
    }

    /** The peer refused the content itself (not a passing fault): retrying the same batch cannot help. */
    private static boolean isRefusal(int status) {
        return status / 100 == 4 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    /**
     * A child of the context stored with the first message; the others of a batch are linked, as the OpenTelemetry
     * messaging conventions do for a batch that several traces fed.
     */
    private Span deliverySpan(Delivery delivery) {
        List<Context> stored = delivery.messages().stream().map(Claimed::trace)
                .map(trace -> trace == null ? Context.root() : trace.asParent()).toList();
        SpanBuilder builder = tracer.spanBuilder("outbox deliver " + delivery.name())
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(stored.get(0))
                .setAttribute("messaging.destination.name", delivery.name())
                .setAttribute("messaging.batch.message_count", (long) delivery.messages().size());
        stored.stream().skip(1).map(Span::fromContext).map(Span::getSpanContext)
                .filter(context -> context.isValid()).forEach(builder::addLink);
        return builder.startSpan();
    }

    private Uni<Integer> send(Delivery delivery, Span span) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest<Buffer> request = http.postAbs(delivery.destination().url().toString())
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", delivery.idempotencyKey());
        TraceContext trace = TraceContext.of(Context.root().with(span));
        if (trace != null) {
            // W3C Trace Context §3: ids and flags only, never personal data; Quarkus sends the same to every peer.
            request.putHeader(TraceContext.TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null) {
                request.putHeader(TraceContext.TRACESTATE, trace.tracestate());
            }
        }
        Uni<HttpRequest<Buffer>> authenticated = switch (delivery.destination().auth()) {
            case SUITE_TOKEN -> tokens.accessToken().map(token -> request.putHeader("Authorization", "Bearer " + token));
            case SIGNED -> Uni.createFrom().item(() -> signed(request, delivery, body));
        };
        return authenticated.chain(r -> r.sendBuffer(Buffer.buffer(body))).map(response -> response.statusCode());
    }

    private static HttpRequest<Buffer> signed(HttpRequest<Buffer> request, Delivery delivery, byte[] body) {
        long timestamp = Instant.now().getEpochSecond();
        String secret = delivery.destination().signingSecret().orElseThrow();
        return request.putHeader(WebhookSignature.ID, delivery.idempotencyKey())
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, delivery.idempotencyKey(), timestamp, body));
    }

    private Uni<Void> delete(List<Claimed> messages) {
        return pool.preparedQuery("delete from outbox_message where id = any($1)")
                .execute(Tuple.of(ids(messages))).replaceWithVoid();
    }

    private Uni<Void> reschedule(List<Claimed> messages, String reason) {
        List<Tuple> updates = messages.stream()
                .map(m -> Tuple.of(Backoff.exponential(m.attempts(), config.initialBackoff(), config.maxBackoff()).toMillis() / 1000.0,
                        reason, m.id()))
                .toList();
        return pool.preparedQuery("""
                        update outbox_message set next_attempt_at = now() + make_interval(secs => $1), last_error = $2
                        where id = $3""")
                .executeBatch(updates).replaceWithVoid();
    }

    private static UUID[] ids(List<Claimed> messages) {
        return messages.stream().map(Claimed::id).toArray(UUID[]::new);
    }

    record Claimed(UUID id, String destination, String idempotencyKey, String payload, int attempts, TraceContext trace) {
    }

    record Delivery(String name, OutboxConfig.Destination destination, List<Claimed> messages) {
        List<Delivery> singles() {
            return messages.stream().map(m -> new Delivery(name, destination, List.of(m))).toList();
        }

        String idempotencyKey() {
            return messages.size() == 1 ? messages.get(0).idempotencyKey()
                    : UUID.nameUUIDFromBytes(messages.stream().map(Claimed::idempotencyKey)
                    .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8)).toString();
        }

        String body() {
            if (messages.size() == 1 && destination.batchField().isEmpty()) {
                return messages.get(0).payload();
            }
            JsonArray items = new JsonArray();
            messages.forEach(m -> items.add(new JsonObject(m.payload())));
            return new JsonObject().put(destination.batchField().orElseThrow(), items).encode();
        }
    }

    /** Skips rounds when {@code privacy-gate.outbox.relay-enabled=false}. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final OutboxConfig config;

        RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}

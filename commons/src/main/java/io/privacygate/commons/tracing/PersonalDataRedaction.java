package io.privacygate.commons.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps personal data out of every exported span (GDPR Art. 5(1)(c), 25(2): a trace backend is one more place that
 * would otherwise hold it). HTTP instrumentation records the request target, and our paths carry subject ids, queries
 * carry identifiers, and the client address is a person's IP. Instrumentation sets them when a span starts and may set
 * them again later, so each is replaced at start and again as the span ends (the specification's OnEnding, still
 * incubating in the SDK as {@link ExtendedSpanProcessor}). The SDK runs every processor's OnEnding before any
 * processor's OnEnd, and exporters only ever see a span through an OnEnd (Quarkus's OTLP batch processor and the
 * CDI exporters alike), so no exporter can receive a span this class has not redacted.
 * <p>
 * A server span that matched a route gets its path from the route template, every parameter replaced
 * ({@code /dsr/v1/subjects/{redacted}}): the template says exactly which segments are values, so a handle that happens
 * to be a plain word is redacted too. Any other path keeps only segments that are lowercase words or a version
 * ({@code api}, {@code v1}, {@code data-deletion}); a segment with any other character, a digit included, is a value
 * (ids, UUIDs and numbers all carry digits). A URL loses its query, and addresses, queries and end-user ids become
 * {@value #REDACTED}. {@code http.route} itself is kept: it names the operation and holds no value. SQL is traced as prepared statements with
 * {@code $n} placeholders, never their parameters, and {@code quarkus.otel.traces.eusp.enabled} (end-user attributes)
 * stays off.
 */
@Singleton
public class PersonalDataRedaction implements ExtendedSpanProcessor {
    static final String REDACTED = "{redacted}";
    /**
     * A path segment kept as is: lowercase words joined by hyphens ({@code data-deletion}) or an API version
     * ({@code v1}). A segment with a digit anywhere else is not a word: a UUID that begins with a letter
     * ({@code fb0c3f1e-…}) once passed an older rule.
     */
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]{1,40}(-[a-z]{1,40}){0,4}|v[0-9]{1,2}");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    /** What Quarkus records as the route of a request that matched none (a 404). */
    private static final String NO_ROUTE = "/*";
    private static final List<AttributeKey<String>> PATHS = List.of(AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("http.target"));
    private static final List<AttributeKey<String>> URLS = List.of(AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.url"));
    private static final List<AttributeKey<String>> DROPPED = List.of(AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("client.address"), AttributeKey.stringKey("network.peer.address"),
            AttributeKey.stringKey("net.sock.peer.addr"), AttributeKey.stringKey("http.client_ip"),
            AttributeKey.stringKey("enduser.id"), AttributeKey.stringKey("user_agent.original"),
            AttributeKey.stringKey("http.user_agent"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        redact(span);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnding(ReadWriteSpan span) {
        redact(span);
        String route = span.getAttribute(ROUTE);
        if (route != null && route.startsWith("/") && !route.equals(NO_ROUTE)) {
            for (AttributeKey<String> key : PATHS) {
                if (span.getAttribute(key) != null) {
                    span.setAttribute(key, redactRoute(route));
                }
            }
        }
    }

    @Override
    public boolean isOnEndingRequired() {
        return true;
    }

    private static void redact(ReadWriteSpan span) {
        for (AttributeKey<String> key : PATHS) {
            String value = span.getAttribute(key);
            if (value != null) {
                span.setAttribute(key, redactPath(value));
            }
        }
        for (AttributeKey<String> key : URLS) {
            String value = span.getAttribute(key);
            if (value != null) {
                span.setAttribute(key, redactUrl(value));
            }
        }
        for (AttributeKey<String> key : DROPPED) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, REDACTED);
            }
        }
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    /** The path without its query and fragment, each segment that is not a plain word replaced. */
    static String redactPath(String target) {
        String path = target.split("[?#]", 2)[0];
        return Arrays.stream(path.split("/", -1))
                .map(segment -> segment.isEmpty() || PLAIN_WORD.matcher(segment).matches() ? segment : REDACTED)
                .collect(Collectors.joining("/"));
    }

    /** The route template with each parameter ({@code {subjectId}}, {@code {tile: .+}}) replaced. */
    static String redactRoute(String route) {
        return Arrays.stream(route.split("/", -1))
                .map(segment -> segment.startsWith("{") ? REDACTED : segment)
                .collect(Collectors.joining("/"));
    }

    /** Scheme, host and port kept (they name a service, not a person); the path redacted; query and fragment dropped. */
    static String redactUrl(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return redactPath(url);
        }
        int authorityEnd = url.length();
        for (char end : new char[]{'/', '?', '#'}) {
            int at = url.indexOf(end, scheme + 3);
            if (at >= 0 && at < authorityEnd) {
                authorityEnd = at;
            }
        }
        String rest = url.substring(authorityEnd);
        return url.substring(0, authorityEnd) + (rest.startsWith("/") ? redactPath(rest) : "");
    }
}

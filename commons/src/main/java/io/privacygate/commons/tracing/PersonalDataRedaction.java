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
 * incubating in the SDK as {@link ExtendedSpanProcessor}), before anything can export it: a path keeps only its plain words ({@code /dsr/v1/subjects/{redacted}}),
 * a URL loses its query, and addresses, queries and end-user ids become {@value #REDACTED}. {@code http.route}, the
 * route template, is kept: it names the operation and holds no value. SQL is traced as prepared statements with
 * {@code $n} placeholders, never their parameters, and {@code quarkus.otel.traces.eusp.enabled} (end-user attributes)
 * stays off.
 */
@Singleton
public class PersonalDataRedaction implements ExtendedSpanProcessor {
    static final String REDACTED = "{redacted}";
    /** A path segment kept as is: a lowercase word such as {@code api}, {@code v1}, {@code data-deletion}. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z][a-z0-9-]{0,39}");
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

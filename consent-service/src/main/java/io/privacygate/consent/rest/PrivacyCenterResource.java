package io.privacygate.consent.rest;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.ConsentState;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.service.PrivacySession;
import io.privacygate.consent.service.PrivacySessions;
import io.privacygate.consent.service.privacycenter.PrivacyCenterService;
import io.privacygate.consent.service.privacycenter.PrivacyTexts;
import io.privacygate.consent.service.receipts.ReceiptService;
import io.privacygate.consent.service.verification.PrivacyVerification;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The privacy center (issue #10): data subjects' own pages, server-rendered, without scripts, without SSO.
 * Public ({@code /privacy} is permitted to all; every {@code /api} path stays bearer-only) and left out of the
 * OpenAPI document, which describes the API, not these pages.
 * <p>
 * A session is a sealed cookie ({@link PrivacySessions}) scoped to {@code /privacy}, {@code HttpOnly},
 * {@code SameSite=Strict}. Every form carries the session's CSRF token and is refused (403) without it; the token
 * changes when the session's identity does. Nothing about a subject is shown before the code is entered, and
 * asking for a code answers the same whatever the address.
 */
@Path("/privacy")
@PermitAll
public class PrivacyCenterResource {
    static final String COOKIE = "pg_privacy";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Logger LOG = Logger.getLogger(PrivacyCenterResource.class);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final PrivacySessions sessions;
    private final PrivacyVerification verification;
    private final PrivacyCenterService center;
    private final io.privacygate.consent.service.purposes.NoticeService notices;
    private final PrivacyTexts texts;
    private final ConsentConfig.PrivacyCenter config;
    private final Template index;
    private final Template code;
    private final Template me;
    private final Template message;

    PrivacyCenterResource(PrivacySessions sessions, PrivacyVerification verification, PrivacyCenterService center,
                          io.privacygate.consent.service.purposes.NoticeService notices, PrivacyTexts texts, ConsentConfig config,
                          @Location("privacy/index.html") Template index, @Location("privacy/code.html") Template code,
                          @Location("privacy/me.html") Template me, @Location("privacy/message.html") Template message) {
        this.sessions = sessions;
        this.verification = verification;
        this.center = center;
        this.notices = notices;
        this.texts = texts;
        this.config = config.privacyCenter();
        this.index = index;
        this.code = code;
        this.me = me;
        this.message = message;
    }

    /** What every page needs from the request. */
    record Visit(PrivacySession session, boolean gpc, boolean https) {
    }

    @GET
    public Uni<Response> start(@CookieParam(COOKIE) String cookie, @QueryParam("lang") String lang,
                               @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                               @Context HttpServerRequest request) {
        return visit(cookie, lang, acceptLanguage, gpc, request).chain(visit -> startPage(visit, 200, null, null));
    }

    @POST
    @Path("/code-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> requestCode(@CookieParam(COOKIE) String cookie, @RestForm String csrf, @RestForm String email,
                                     @HeaderParam("Accept-Language") String acceptLanguage,
                                     @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visit(cookie, null, acceptLanguage, gpc, request).chain(visit -> {
            if (!csrfMatches(visit.session(), csrf)) {
                return forbidden(visit);
            }
            String normalized;
            try {
                normalized = PrivacyVerification.normalizedEmail(email);
            } catch (ProblemException invalid) {
                return startPage(visit, 400, "error_email_invalid", null);
            }
            Instant now = Timestamps.now();
            return verification.send(normalized, clientIp(request), visit.session().language()).chain(sent -> {
                switch (sent.answer()) {
                    case LIMITED:
                        return messagePage(visit, 429, "limited_title", "limited_text");
                    case LOCKED:
                        return messagePage(visit, 429, "locked_title", "locked_text");
                    default:
                        break;
                }
                PrivacySession pending = visit.session().pending(sent.challengeId(), sent.email(), now);
                return redirect(new Visit(pending, visit.gpc(), visit.https()), "/privacy/code");
            }).onFailure().recoverWithUni(failure -> failed(visit, failure));
        });
    }

    @GET
    @Path("/code")
    public Uni<Response> codePage(@CookieParam(COOKIE) String cookie, @QueryParam("lang") String lang,
                                  @HeaderParam("Accept-Language") String acceptLanguage,
                                  @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visit(cookie, lang, acceptLanguage, gpc, request).chain(visit -> visit.session().pending()
                ? codeForm(visit, 200, null)
                : redirect(visit, "/privacy"));
    }

    @POST
    @Path("/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> enterCode(@CookieParam(COOKIE) String cookie, @RestForm String csrf, @RestForm String code,
                                   @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                   @Context HttpServerRequest request) {
        return visit(cookie, null, acceptLanguage, gpc, request).chain(visit -> {
            if (!csrfMatches(visit.session(), csrf)) {
                return forbidden(visit);
            }
            PrivacySession session = visit.session();
            if (!session.pending()) {
                return redirect(visit, "/privacy");
            }
            Instant now = Timestamps.now();
            return verification.check(session.challengeId(), session.email(), code == null ? "" : code).chain(check -> {
                switch (check.outcome()) {
                    case VERIFIED:
                        return redirect(new Visit(session.verifiedAt(now, config.sessionTimeout()), visit.gpc(),
                                visit.https()), "/privacy/me");
                    case WRONG:
                        return codeForm(visit, 400, texts.text(session.language(), "error_code_wrong")
                                .replace("{n}", Integer.toString(check.attemptsLeft())));
                    case EXPIRED:
                        return startPage(new Visit(session.signedOut(now), visit.gpc(), visit.https()), 400,
                                "error_code_expired", null);
                    default:
                        return startPage(new Visit(session.signedOut(now), visit.gpc(), visit.https()), 400,
                                "error_code_exhausted", null);
                }
            }).onFailure().recoverWithUni(failure -> failed(visit, failure));
        });
    }

    @GET
    @Path("/me")
    public Uni<Response> overview(@CookieParam(COOKIE) String cookie, @QueryParam("lang") String lang,
                                  @QueryParam("saved") String saved, @QueryParam("filed") String filed,
                                  @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                  @Context HttpServerRequest request) {
        return visit(cookie, lang, acceptLanguage, gpc, request).chain(visit -> {
            if (!visit.session().verified()) {
                return redirect(visit, "/privacy");
            }
            return mePage(visit, 200, saved, filed, null);
        });
    }

    @POST
    @Path("/me/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> choose(@CookieParam(COOKIE) String cookie, @RestForm String csrf, @RestForm String purpose,
                                @RestForm String state, @RestForm String noticeVersion,
                                @HeaderParam("User-Agent") String userAgent, @HeaderParam("Accept-Language") String acceptLanguage,
                                @HeaderParam("Sec-GPC") String gpc, @Context HttpServerRequest request) {
        return visit(cookie, null, acceptLanguage, gpc, request).chain(visit -> {
            if (!csrfMatches(visit.session(), csrf)) {
                return forbidden(visit);
            }
            if (!visit.session().verified()) {
                return redirect(visit, "/privacy");
            }
            ConsentState chosen = "GRANTED".equals(state) ? ConsentState.GRANTED
                    : "WITHDRAWN".equals(state) ? ConsentState.WITHDRAWN : null;
            if (chosen == null || purpose == null || purpose.isBlank()) {
                return mePage(visit, 400, null, null, "error_choice");
            }
            String source = origin(request) + "/privacy/me";
            String ua = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 1000));
            return center.choose(visit.session().email(), purpose, chosen, noticeVersion,
                            new PrivacyCenterService.Evidence(source, clientIp(request), ua))
                    .chain(recorded -> redirect(visit, "/privacy/me?saved=" + recorded.event().receiptId() + "#purpose-" + purpose))
                    .onFailure(e -> e instanceof ProblemException p && (p.type() == ProblemType.UNPROCESSABLE
                            || p.type() == ProblemType.VALIDATION))
                    .recoverWithUni(() -> mePage(visit, 422, null, null, "error_choice"))
                    .onFailure().recoverWithUni(failure -> failed(visit, failure));
        });
    }

    @GET
    @Path("/me/receipts/{receiptId}")
    public Uni<Response> receipt(@CookieParam(COOKIE) String cookie, @PathParam("receiptId") String receiptId,
                                 @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                 @Context HttpServerRequest request) {
        return visit(cookie, null, acceptLanguage, gpc, request).chain(visit -> {
            if (!visit.session().verified()) {
                return redirect(visit, "/privacy");
            }
            Optional<UUID> id = uuid(receiptId);
            if (id.isEmpty()) {
                return messagePage(visit, 404, "notfound_title", "notfound_text");
            }
            return center.receipt(visit.session().email(), id.get())
                    .map(jws -> secured(Response.ok(jws, ReceiptService.MEDIA_TYPE)
                            .header("Content-Disposition", "attachment; filename=\"consent-receipt-" + id.get() + ".jws\""))
                            .build())
                    .onFailure().recoverWithUni(failure -> failed(visit, failure));
        });
    }

    @POST
    @Path("/me/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> file(@CookieParam(COOKIE) String cookie, @RestForm String csrf, @RestForm String type,
                              @RestForm String details, @RestForm String correctedEmail, @RestForm String formKey,
                              @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                              @Context HttpServerRequest request) {
        return visit(cookie, null, acceptLanguage, gpc, request).chain(visit -> {
            if (!csrfMatches(visit.session(), csrf)) {
                return forbidden(visit);
            }
            if (!visit.session().verified()) {
                return redirect(visit, "/privacy");
            }
            String key = formKey != null && formKey.matches("[A-Za-z0-9-]{8,64}") ? formKey : UUID.randomUUID().toString();
            return Uni.createFrom().deferred(() -> center.file(visit.session().email(), type, details, correctedEmail, key,
                            visit.session().verifiedAt()))
                    .chain(id -> redirect(visit, "/privacy/me?filed=" + id + "#requests"))
                    .onFailure(e -> e instanceof ProblemException p && p.type() == ProblemType.VALIDATION)
                    .recoverWithUni(failure -> mePage(visit, 400, null, null, "error_request_" + field(failure)))
                    .onFailure().recoverWithUni(failure -> failed(visit, failure));
        });
    }

    @GET
    @Path("/me/requests/{id}/export")
    public Uni<Response> export(@CookieParam(COOKIE) String cookie, @PathParam("id") String requestId,
                                @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                @Context HttpServerRequest request) {
        return visit(cookie, null, acceptLanguage, gpc, request).chain(visit -> {
            if (!visit.session().verified()) {
                return redirect(visit, "/privacy");
            }
            Optional<UUID> id = uuid(requestId);
            if (id.isEmpty()) {
                return messagePage(visit, 404, "notfound_title", "notfound_text");
            }
            return center.export(visit.session().email(), id.get()).chain(export -> {
                if (export == null) {
                    return messagePage(visit, 404, "noexport_title", "noexport_text");
                }
                Response.ResponseBuilder ok = Response.ok(export.zip(), "application/zip").header("Content-Disposition",
                        export.contentDisposition() != null ? export.contentDisposition()
                                : "attachment; filename=\"privacy-export-" + id.get() + ".zip\"");
                if (export.digest() != null) {
                    ok.header("Repr-Digest", export.digest());
                }
                return Uni.createFrom().item(secured(ok).build());
            }).onFailure().recoverWithUni(failure -> failed(visit, failure));
        });
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@CookieParam(COOKIE) String cookie, @RestForm String csrf,
                                 @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Sec-GPC") String gpc,
                                 @Context HttpServerRequest request) {
        return visit(cookie, null, acceptLanguage, gpc, request).chain(visit -> {
            if (!csrfMatches(visit.session(), csrf)) {
                return forbidden(visit);
            }
            return redirect(new Visit(visit.session().signedOut(Timestamps.now()), visit.gpc(), visit.https()), "/privacy");
        });
    }

    // ---- pages

    private Uni<Response> startPage(Visit visit, int status, String errorKey, String infoKey) {
        String language = visit.session().language();
        return notices.notices(language).chain(all -> render(visit, status, index, Map.of(
                "notices", all,
                "error", errorKey == null ? "" : texts.text(language, errorKey),
                "info", infoKey == null ? "" : texts.text(language, infoKey))));
    }

    private Uni<Response> codeForm(Visit visit, int status, String error) {
        return render(visit, status, code, Map.of("error", error == null ? "" : error,
                "validity", texts.text(visit.session().language(), "code_validity")
                        .replace("{minutes}", Long.toString(config.codes().ttl().toMinutes()))));
    }

    private Uni<Response> mePage(Visit visit, int status, String saved, String filed, String errorKey) {
        String language = visit.session().language();
        return center.overview(visit.session().email(), language).chain(overview -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("overview", overview);
            data.put("saved", uuid(saved).map(UUID::toString).orElse(""));
            data.put("filed", uuid(filed).map(UUID::toString).orElse(""));
            data.put("error", errorKey == null ? "" : texts.text(language, errorKey));
            data.put("requestTypes", requestTypes(language));
            data.put("formKey", UUID.randomUUID().toString());
            return render(visit, status, me, data);
        }).onFailure().recoverWithUni(failure -> failed(visit, failure));
    }

    private Uni<Response> messagePage(Visit visit, int status, String titleKey, String textKey) {
        String language = visit.session().language();
        return render(visit, status, message, Map.of("title", texts.text(language, titleKey),
                "text", texts.text(language, textKey), "errorId", ""));
    }

    private Uni<Response> forbidden(Visit visit) {
        return messagePage(visit, 403, "csrf_title", "csrf_text");
    }

    /** Failures become pages, never problem+json or stack traces; the unexpected are logged with an id only. */
    private Uni<Response> failed(Visit visit, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return switch (problem.type()) {
                case DEPENDENCY_UNAVAILABLE, KEY_UNAVAILABLE -> messagePage(visit, 503, "unavailable_title", "unavailable_text");
                case NOT_FOUND -> messagePage(visit, 404, "notfound_title", "notfound_text");
                default -> messagePage(visit, problem.type().status(), "failed_title", "failed_text");
            };
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Privacy center failure (%s), error id %s", failure.getClass().getName(), errorId);
        String language = visit.session().language();
        return render(visit, 500, message, Map.of("title", texts.text(language, "failed_title"),
                "text", texts.text(language, "failed_text"), "errorId", errorId));
    }

    private Uni<Response> render(Visit visit, int status, Template template, Map<String, Object> data) {
        PrivacySession session = visit.session();
        String language = session.language();
        TemplateInstance page = template.instance()
                .data("t", texts.of(language))
                .data("lang", language)
                .data("languages", texts.languages().stream()
                        .map(code -> Map.of("code", code, "label", texts.text(code, "language_name"))).toList())
                .data("gpc", visit.gpc())
                .data("csrf", session.csrf())
                .data("verified", session.verified())
                .data("pending", session.pending());
        data.forEach(page::data);
        String html = page.render();
        return sessions.seal(session).map(sealed -> secured(Response.status(status).entity(html).type(HTML))
                .cookie(cookie(sealed, visit.https())).build());
    }

    private Uni<Response> redirect(Visit visit, String location) {
        return sessions.seal(visit.session()).map(sealed -> secured(Response.seeOther(URI.create(location)))
                .cookie(cookie(sealed, visit.https())).build());
    }

    /** The headers of every privacy center answer: no scripts, no framing, no referrer, no caching. */
    static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
                .header("Cache-Control", "no-store");
    }

    private NewCookie cookie(String sealed, boolean https) {
        boolean secure = switch (config.secureCookie()) {
            case "always" -> true;
            case "never" -> false;
            default -> https;
        };
        return new NewCookie.Builder(COOKIE).value(sealed).path("/privacy").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    // ---- request details

    private Uni<Visit> visit(String cookie, String lang, String acceptLanguage, String gpc, HttpServerRequest request) {
        Instant now = Timestamps.now();
        return sessions.open(cookie, now).map(open -> {
            PrivacySession session = open.orElseGet(() -> PrivacySession.fresh(texts.choose(lang, acceptLanguage), now));
            if (lang != null && texts.offers(lang) && !lang.equals(session.language())) {
                session = session.withLanguage(lang);
            } else if (!texts.offers(session.language())) {
                session = session.withLanguage(texts.defaultLanguage());
            }
            return new Visit(session, "1".equals(gpc == null ? null : gpc.trim()), "https".equals(request.scheme()));
        });
    }

    private static boolean csrfMatches(PrivacySession session, String csrf) {
        return csrf != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                csrf.getBytes(StandardCharsets.US_ASCII));
    }

    /** The client's address as Vert.x sees it (the forwarded one when {@code quarkus.http.proxy.*} trusts the proxy). */
    private static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static String origin(HttpServerRequest request) {
        String host = request.authority() == null ? "localhost" : request.authority().toString();
        return request.scheme() + "://" + host;
    }

    private List<Map<String, String>> requestTypes(String language) {
        return List.of("ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION").stream()
                .map(type -> Map.of("value", type, "label", texts.text(language, "type." + type),
                        "help", texts.text(language, "typehelp." + type)))
                .toList();
    }

    private static String field(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            var errors = problem.toProblem().errors();
            if (errors != null && !errors.isEmpty()) {
                return errors.get(0).field();
            }
        }
        return "type";
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

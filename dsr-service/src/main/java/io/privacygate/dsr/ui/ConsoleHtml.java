package io.privacygate.dsr.ui;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The console's answers: a rendered page, or a redirect after an action (post/redirect/get). */
final class ConsoleHtml {
    private ConsoleHtml() {
    }

    static Uni<Response> html(TemplateInstance page) {
        return page.createUni().map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build());
    }

    static Uni<Response> html(TemplateInstance page, int status) {
        return page.createUni().map(html -> Response.status(status).entity(html).type(MediaType.TEXT_HTML).build());
    }

    /** Back to the request, with what was done as the page's notice. */
    static Response seeRequest(UUID id, String notice) {
        return Response.seeOther(URI.create("/console/request?id=" + id + "&notice="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8))).build();
    }
}

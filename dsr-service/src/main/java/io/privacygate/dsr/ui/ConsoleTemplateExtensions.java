package io.privacygate.dsr.ui;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;

/** Formatting the console's templates share. */
@TemplateExtension
final class ConsoleTemplateExtensions {
    private ConsoleTemplateExtensions() {
    }

    /** {@code {at.utc}}: a time as people read it. */
    static String utc(Instant at) {
        return ConsoleViews.time(at);
    }
}

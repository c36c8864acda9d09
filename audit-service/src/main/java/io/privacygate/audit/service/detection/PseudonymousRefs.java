package io.privacygate.audit.service.detection;

import java.util.regex.Pattern;

/**
 * The last guard before a reference enters an alert. Events were screened for e-mail addresses and phone
 * numbers when appended; an alert keeps only references shaped like the pseudonyms the services send
 * ({@code user:<uuid>}, {@code client:dsr-service}, a UUID, a keyed hash) and withholds anything else, such as
 * an IPv6 address sent as a source by mistake.
 */
public final class PseudonymousRefs {
    public static final String WITHHELD = "withheld";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(%.*)?");

    private PseudonymousRefs() {
    }

    /** The reference itself if it looks pseudonymous, else {@link #WITHHELD}. */
    public static String guard(String reference) {
        if (reference == null || !TOKEN.matcher(reference).matches() || IPV6.matcher(reference).matches()) {
            return WITHHELD;
        }
        return reference;
    }
}

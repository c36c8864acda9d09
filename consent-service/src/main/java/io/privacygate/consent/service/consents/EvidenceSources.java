package io.privacygate.consent.service.consents;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a consent was collected, kept in clear and shown in receipts, so it must name the controller's
 * form and never the person (Art. 5(1)(c)): a URL keeps its scheme, host, port and path, and loses the
 * user info, query and fragment, where e-mail addresses and tracking ids travel.
 */
public final class EvidenceSources {

    private EvidenceSources() {
    }

    public static String withoutPersonalParts(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String trimmed = source.trim();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost()) + port + path;
        } catch (URISyntaxException notAUri) {
            int cut = indexOfAny(trimmed, '?', '#');
            return cut < 0 ? trimmed : trimmed.substring(0, cut);
        }
    }

    private static int indexOfAny(String value, char... characters) {
        for (int i = 0; i < value.length(); i++) {
            for (char c : characters) {
                if (value.charAt(i) == c) {
                    return i;
                }
            }
        }
        return -1;
    }
}

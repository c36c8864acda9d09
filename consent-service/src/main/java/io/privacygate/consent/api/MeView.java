package io.privacygate.consent.api;

import java.util.List;

/** The caller's roles, as consent-service sees them. */
public record MeView(List<String> roles) {
}

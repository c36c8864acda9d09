package io.privacygate.consent.ui;

/** What every page needs from the request: the session, the browser's GPC signal, and whether it came over https. */
record Visit(PrivacySession session, boolean gpc, boolean https) {

    /** The same visit, going on with another state of its session. */
    Visit with(PrivacySession next) {
        return new Visit(next, gpc, https);
    }
}

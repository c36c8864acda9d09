package io.privacygate.ingestion.service.deletion;

/**
 * What the data deletion status page says about a refusal (issue 21 point 6): Meta's Data Deletion Request Callback page
 * asks for "a legitimate justification for any refusal to delete", and Art. 12(4) GDPR for the reasons and the right to
 * complain and to a judicial remedy.
 * The page is open to anyone holding the confirmation code, so it gives the kind of refusal in plain language, from
 * dsr-service's outcome code, and nothing of the request itself (the operator's written reasons may name the person; they
 * are given to the requester by dsr-service, not here).
 */
final class RefusalReasons {
    static final String REMEDIES = " You may lodge a complaint with a data protection supervisory authority and seek a judicial remedy.";

    private RefusalReasons() {
    }

    /** Null when the request was not refused. */
    static String of(String dsrStatus, String dsrOutcome) {
        if (!"REJECTED".equals(dsrStatus)) {
            return null;
        }
        String why = switch (dsrOutcome == null ? "" : dsrOutcome) {
            case "CLOSED_UNVERIFIED" -> "The request was closed because it could not be confirmed, within the time allowed, that it "
                    + "came from the holder of the account (Art. 12(6) GDPR). You can make a new request.";
            case "REFUSED" -> "The request was refused after review, on a ground the GDPR allows (Art. 12(5) or Art. 17(3), for "
                    + "example data we must keep by law). The reasons in full are given to the person who made the request.";
            default -> "The request was refused. The reasons are given to the person who made the request.";
        };
        return why + REMEDIES;
    }
}

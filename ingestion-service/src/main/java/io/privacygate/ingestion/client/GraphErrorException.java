package io.privacygate.ingestion.client;

/** Graph's error answer: HTTP status, {@code error.code} and {@code error.error_subcode} (0 when absent). */
public class GraphErrorException extends RuntimeException {
    private final int status;
    private final int code;
    private final int subcode;

    public GraphErrorException(int status, int code, int subcode) {
        super("Graph API error " + status + " (" + code + "/" + subcode + ")", null, false, false);
        this.status = status;
        this.code = code;
        this.subcode = subcode;
    }

    /**
     * The object does not exist: Graph answers {@code code 100} with {@code error_subcode 33} ("Object with ID … does not
     * exist, cannot be loaded due to missing permissions, or does not support this operation"). A lost permission
     * answers the same; an expired or revoked token is {@code 190} and is not taken for a deletion.
     */
    public boolean objectGone() {
        return code == 100 && subcode == 33;
    }

    public int status() {
        return status;
    }
}

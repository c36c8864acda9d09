package io.privacygate.dsr.model;

/** How the requester's identity was checked before anything is disclosed or changed (Art. 12(6)). */
public enum VerificationMethod {
    /** An operator checked evidence (named in {@code evidence}) and attests to it. */
    OPERATOR_ATTESTED,
    /** The requester proved control of an e-mail address given in the request with a one-time code. */
    EMAIL_CODE,
    /** A platform's signature already authenticated the requester (e.g. Meta's data deletion callback). */
    PLATFORM_SIGNED
}

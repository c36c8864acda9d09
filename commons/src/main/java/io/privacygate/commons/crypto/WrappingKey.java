package io.privacygate.commons.crypto;

/** The key-encryption keys, one per purpose of use, so that a leak or a rotation stays contained. */
public enum WrappingKey {
    /** Wraps each subject's data key. */
    SUBJECT_KEK,
    /** Wraps the HMAC key of the blind index. */
    BLIND_INDEX,
    /** Wraps signing keys held by a service itself (receipt keys; the checkpoint key under the local provider). */
    SIGNING_KEYS
}

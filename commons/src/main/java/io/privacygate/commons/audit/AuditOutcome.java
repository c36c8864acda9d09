package io.privacygate.commons.audit;

/** How a processing step ended. */
public enum AuditOutcome { SUCCESS, DENIED, FAILURE }

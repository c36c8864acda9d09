package io.privacygate.ingestion.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent's state as consent-service notifies it. */
@Schema(name = "State")
public enum ConsentState { GRANTED, WITHDRAWN, DENIED }

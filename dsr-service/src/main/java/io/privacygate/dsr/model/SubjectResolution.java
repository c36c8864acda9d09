package io.privacygate.dsr.model;

/** Whether consent-service has told us which subject the requester's identifiers belong to. */
public enum SubjectResolution { PENDING, FOUND, NONE }

package io.privacygate.audit.model;

/** Where an alert stands: new, seen and judged no breach, or escalated to the breach register by a DPO. */
public enum AlertStatus { OPEN, ACKNOWLEDGED, ESCALATED }

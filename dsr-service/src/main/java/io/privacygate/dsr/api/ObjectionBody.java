package io.privacygate.dsr.api;

/** consent-service's {@code POST /api/v1/subjects/{id}/objections}: an objection to one purpose (Art. 21). */
public record ObjectionBody(String purpose) {
}

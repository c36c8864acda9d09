package io.privacygate.dsr.service.subjectmail;

/** One e-mail to a requester: what it is about ({@code kind}, the only part audited), its subject line and text. */
public record SubjectLetter(Kind kind, String subject, String body) {

    public enum Kind { EXTENSION, REFUSAL, RESTRICTION_LIFT }
}

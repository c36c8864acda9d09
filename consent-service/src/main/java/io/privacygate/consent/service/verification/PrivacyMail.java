package io.privacygate.consent.service.verification;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.consent.config.ConsentConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * The privacy center's one mail: the one-time code, in the language of the page it was asked from. It says
 * nothing about whether the address is known here. Outside prod the mailer is a mock (tests read
 * {@code MockMailbox}); {@code bin/privacy-gate up} points it at an SMTP server when one is given.
 */
@ApplicationScoped
public class PrivacyMail {
    private final ReactiveMailer mailer;
    private final ConsentConfig config;

    PrivacyMail(ReactiveMailer mailer, ConsentConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public Uni<Void> sendCode(String to, String code, Duration ttl, String language) {
        long minutes = Math.max(1, ttl.toMinutes());
        String controller = config.controller().name();
        boolean german = "de".equals(language);
        String subject = german ? "Ihr Bestätigungscode für die Datenschutzseite" : "Your privacy center code";
        String text = german
                ? "Jemand hat auf der Datenschutzseite von " + controller + " einen Code für diese Adresse angefordert.\n\n"
                + "Ihr Code: " + code + "\n\n"
                + "Er ist " + minutes + " Minuten gültig. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht; "
                + "ohne den Code kann niemand Ihre Angaben sehen.\n"
                : "Someone asked for a code for this address on the privacy center of " + controller + ".\n\n"
                + "Your code: " + code + "\n\n"
                + "It is valid for " + minutes + " minutes. If this was not you, ignore this message; "
                + "without the code nobody can see your information.\n";
        return mailer.send(Mail.withText(to, subject, text))
                .onFailure().transform(e -> new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                        "The code could not be sent; try again.", List.of(), null));
    }
}

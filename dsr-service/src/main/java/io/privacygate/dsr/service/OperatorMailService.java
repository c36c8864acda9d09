package io.privacygate.dsr.service;

import io.privacygate.commons.retry.Backoff;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.OperatorMail;
import io.privacygate.dsr.repository.OperatorMailRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Sends queued operator e-mails; one that fails is retried later with backoff. */
@ApplicationScoped
public class OperatorMailService {
    private static final Logger LOG = Logger.getLogger(OperatorMailService.class);
    private static final int BATCH = 50;
    private final OperatorMailRepository mails;
    private final ReactiveMailer mailer;
    private final DsrConfig config;

    OperatorMailService(OperatorMailRepository mails, ReactiveMailer mailer, DsrConfig config) {
        this.mails = mails;
        this.mailer = mailer;
        this.config = config;
    }

    @WithTransaction
    public Uni<Integer> sendDue(Instant now) {
        if (config.notifications().email().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String to = config.notifications().email().get();
        return mails.due(now, BATCH).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(mail -> send(mail, to, now))
                .collect().asList().map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> send(OperatorMail mail, String to, Instant now) {
        return mailer.send(Mail.withText(to, mail.subject, mail.body))
                .chain(() -> mails.delete(mail)).replaceWith(true)
                .onFailure().recoverWithItem(e -> {
                    mail.attempts++;
                    mail.nextAttemptAt = now.plus(Backoff.exponential(mail.attempts, config.worker().initialBackoff(),
                            config.worker().maxBackoff()));
                    LOG.warnf("An operator notification e-mail could not be sent (%s); will retry", e.getClass().getSimpleName());
                    return false;
                });
    }
}

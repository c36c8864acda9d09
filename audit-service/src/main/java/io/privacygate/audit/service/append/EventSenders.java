package io.privacygate.audit.service.append;

import io.privacygate.audit.config.AuditConfig;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An event's sender is the caller (docs/decisions/0021): the service an event names is taken from the token that appends
 * it, never believed from the body, since the log's worth as evidence (Art. 5(2)) and the detection rules both
 * rest on who said what. The sender is the token's authorised party ({@code azp}, the client id of a service
 * account); the realm's service clients allow no user flows, so a token naming one is that service's own.
 * A person's token, or a client that is not one of {@code privacy-gate.audit.senders}, appends nothing.
 */
@ApplicationScoped
public class EventSenders {
    private final Set<String> senders;

    EventSenders(AuditConfig config) {
        this.senders = Set.copyOf(config.senders());
    }

    /**
     * The caller's events, if every one names the caller's own service.
     *
     * @throws ProblemException 403 for a caller that is not a sender, or a batch naming another service (every
     *                          such field named, never its value); nothing of the batch is appended
     */
    public List<AuditEvent> ownEvents(SecurityIdentity caller, List<AuditEvent> events) {
        String sender = senderOf(caller);
        if (sender == null) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the suite's services may append, each in its own name; this client is not one of them.");
        }
        List<Problem.FieldError> foreign = new ArrayList<>();
        if (events != null) {
            for (int i = 0; i < events.size(); i++) {
                AuditEvent event = events.get(i);
                // A missing service is malformed, not foreign: EventScreen answers it with a 400.
                if (event != null && event.service() != null && !sender.equals(event.service())) {
                    foreign.add(new Problem.FieldError("events[" + i + "].service", "must be the sending service's own name"));
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "A service may append events only in its own name; none of the batch was appended.", foreign, null);
        }
        return events;
    }

    private String senderOf(SecurityIdentity caller) {
        if (caller != null && caller.getPrincipal() instanceof JsonWebToken token
                && token.getClaim("azp") instanceof String clientId && senders.contains(clientId)) {
            return clientId;
        }
        return null;
    }
}

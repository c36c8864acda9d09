package io.privacygate.dsr.config;

import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.VerificationMethod;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** dsr-service settings. Peer URLs have no default in prod: it refuses to start without them. */
@ConfigMapping(prefix = "privacy-gate.dsr")
public interface DsrConfig {

    Deadline deadline();

    Intake intake();

    Verification verification();

    /** consent-service's API: subject lookup, the register of purposes, consent withdrawals. */
    Consent consent();

    /**
     * Every system holding data about subjects, by name, each serving the DSR participant contract
     * ({@code privacy-gate.dsr.participants.<name>.url}, its base URL, which its REST client
     * {@code quarkus.rest-client.<consent|ingestion|audit>.url} takes). Every request fans out to all of them.
     */
    Map<String, Participant> participants();

    /** The participant whose export is the processing history (Art. 15(1)): audit-service. */
    @WithDefault("audit-service")
    String historyParticipant();

    Worker worker();

    /** How often unverified requests are closed, deadlines checked, packages expired and operator mail sent. */
    @WithDefault("1m")
    Duration housekeepingInterval();

    /** How often the open and overdue gauges are read from the database. */
    @WithDefault("15s")
    Duration metricsInterval();

    /**
     * An open request is near its deadline once it is due within this span (and not yet overdue): what the
     * {@code privacygate_dsr_requests_near_deadline} gauge counts and its alert warns of, while Art. 12(3) can still be met.
     */
    @WithDefault("P3D")
    Duration nearDeadline();

    /**
     * Issue 21: the deadline a platform sets for the requests its signals open, by the request's channel
     * ({@code privacy-gate.dsr.platform-deadlines.<channel>}, an ISO-8601 duration counted from receipt), beside the
     * Art. 12(3) month. {@code x-compliance=PT24H}: the X Developer Agreement wants deletion within 24 hours of a
     * request by X or the user. Meta's data deletion callback documentation states no deadline, so
     * {@code meta-data-deletion} has none.
     */
    Map<String, Duration> platformDeadlines();

    /**
     * A {@code dsr.platform-deadline.near} audit event is recorded once an open request's platform deadline is less
     * than this away, so that audit-service alerts while it can still be met.
     */
    @WithDefault("PT4H")
    Duration platformDeadlineWarning();

    /** The controller, named in every export package (Art. 15(1), 13(1)(a)); prod has no default. */
    Controller controller();

    /** The data protection officer, named in every export package (Art. 13(1)(b), 37(7)). */
    Dpo dpo();

    /**
     * Art. 15(1)(h): the statement on automated decision-making, including profiling (Art. 22(1) and (4)), in every
     * export package. The suite's decisions only check whether processing is allowed; it takes no decision about a
     * person with legal or similarly significant effect. A controller that does says so here, with the logic involved.
     */
    @WithDefault("No decision based solely on automated processing, including profiling, which produces legal effects "
            + "concerning you or similarly significantly affects you is taken about you (Art. 22(1)).")
    String automatedDecisionMaking();

    /**
     * Art. 15(2), 46: transfers to third countries or international organisations, by recipient
     * ({@code privacy-gate.dsr.transfers."<recipient>".country} and {@code .safeguard}); none by default.
     */
    Map<String, Transfer> transfers();

    Export export();

    Notifications notifications();

    SubjectMail subjectMail();

    Retention retention();

    Console console();

    interface Controller {
        /** The controller's legal name. */
        String name();

        /** How to reach the controller: a postal address, an e-mail address or a web page. */
        String contact();
    }

    interface Dpo {
        /** The DPO's contact (Art. 37(7)); absent where none was designated (Art. 37(1) does not apply). */
        Optional<String> contact();
    }

    interface Transfer {
        /** The third country or international organisation. */
        String country();

        /** The safeguard: an adequacy decision (Art. 45) or Art. 46's (e.g. "standard contractual clauses (2021/914)"). */
        String safeguard();
    }

    interface Deadline {
        /**
         * The time zone whose calendar days count for Art. 12(3): received on 31 January there, due at the
         * end of 28/29 February there. UTC unless the controller's establishment says otherwise.
         */
        @WithDefault("UTC")
        ZoneId zone();
    }

    interface Intake {
        /** A {@code receivedAt} up to this far ahead of our clock is taken as now; beyond it, it is refused. */
        @WithDefault("PT1M")
        Duration maxClockSkew();

        /**
         * What each service holding {@code dsr-intake} may do, by its client id (the token's {@code azp}). The role
         * alone allows nothing: a client named here files, verifies and reads only within its list; any other is
         * refused (least privilege between services).
         */
        Map<String, IntakeClient> clients();
    }

    /** One filing service's allow-list. */
    interface IntakeClient {
        /** The request types it may file. */
        Set<RequestType> requestTypes();

        /** The identifier types its requests (and corrected identifiers) may name. */
        Set<IdentifierType> identifierTypes();

        /** How it may state that it verified the requester (OPERATOR_ATTESTED is for people only, whatever is listed). */
        Set<VerificationMethod> verificationMethods();
    }

    interface Verification {
        @WithDefault("6")
        int codeLength();

        @WithDefault("PT15M")
        Duration codeTtl();

        /** Wrong codes allowed before the code is void and a new one must be sent. */
        @WithDefault("5")
        int maxAttempts();

        /**
         * Wrong codes allowed per e-mail address and UTC day, across all its codes and requests; then every code for
         * it is refused, as a wrong one is, until the day ends (new codes buy no new guesses).
         */
        @WithDefault("10")
        int maxFailuresPerDay();

        /** A request still unverified after this is closed (REJECTED, CLOSED_UNVERIFIED) and leaves the default list. */
        @WithDefault("P14D")
        Duration closeUnverifiedAfter();

        @WithDefault("Your data protection request: verification code")
        String mailSubject();
    }

    interface Consent {
        URI url();
    }

    interface Participant {
        URI url();
    }

    interface Worker {
        /** How often the worker looks for due tasks (it is also woken as soon as work is committed). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long one worker owns a task it is running; after a crash another picks it up once this passed. */
        @WithDefault("PT2M")
        Duration lease();

        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** After this many failed attempts operators are told the request needs them; retries go on. */
        @WithDefault("8")
        int needsInputAfterAttempts();

        /** Tasks claimed per round. */
        @WithDefault("32")
        int claimSize();
    }

    interface Export {
        /** How long a package can be downloaded; it is then deleted (data minimisation, Art. 5(1)(c)). */
        @WithDefault("P7D")
        Duration ttl();
    }

    interface Notifications {
        /** Operators' address for notifications by e-mail; none when absent. */
        Optional<String> email();

        /** The outbox destination of the notification webhook; notifications are sent there when it is configured. */
        @WithDefault("dsr-notifications")
        String webhookDestination();
    }

    interface Retention {
        /**
         * How long a closed request is kept, with its identifiers, tasks, results and reasons, as evidence of how it
         * was answered (Art. 5(2), and the limitation period of claims about it); then it is deleted and only the
         * audit trail remains (Art. 5(1)(e)). Counted from closing, or from the end of the lift of a restriction.
         */
        @WithDefault("P3Y")
        Period closedRequests();
    }

    /** Letters to requesters (extension, refusal, restriction lift). */
    interface SubjectMail {
        /**
         * Where a requester may complain (Art. 77), named in a refusal and in the notice of a lift (Art. 12(4)).
         * Set it to the lead supervisory authority of the controller, with its address.
         */
        @WithDefault("the supervisory authority of the Member State of your habitual residence, place of work or "
                + "place of the alleged infringement")
        String supervisoryAuthority();
    }

    /** The operator console (/console). */
    interface Console {
        /** audit-service's API, called with the signed-in operator's own token (audit page, audit trail). */
        URI auditUrl();

        /** Requests shown per page of the queue. */
        @WithDefault("50")
        int pageSize();

        /**
         * Encrypts the console's sign-in state and session cookies (at least 32 characters); the prod profile
         * requires it, elsewhere Quarkus generates one at start. Read by the OIDC tenant's configuration.
         */
        Optional<String> sessionSecret();
    }
}

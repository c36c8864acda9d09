package io.privacygate.dsr.ui;

import io.privacygate.commons.audit.Actors;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.stream.Stream;

import static io.privacygate.commons.security.Roles.AUDITOR;
import static io.privacygate.commons.security.Roles.CRM_AGENT;
import static io.privacygate.commons.security.Roles.DPO;
import static io.privacygate.commons.security.Roles.PRIVACY_OPERATOR;

/**
 * The person signed in to the console: the name shown in the header, the roles that decide what is offered, the
 * pseudonymous actor recorded in audit events. Peers get the person's own token from {@code SignedInPersonToken}.
 */
public record ConsoleUser(String name, List<String> roles, String actor) {
    /** The console's roles, in the order the header lists them. */
    static final List<String> CONSOLE_ROLES = List.of(DPO, PRIVACY_OPERATOR, AUDITOR, CRM_AGENT);

    static ConsoleUser of(SecurityIdentity identity) {
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            name = Stream.of("name", "preferred_username")
                    .map(claim -> token.getClaim(claim) instanceof String value && !value.isBlank() ? value : null)
                    .filter(value -> value != null).findFirst().orElse(null);
        }
        if (name == null) {
            name = identity.getPrincipal().getName();
        }
        List<String> roles = CONSOLE_ROLES.stream().filter(identity::hasRole).toList();
        return new ConsoleUser(name, roles, Actors.of(identity));
    }

    public boolean isDpo() {
        return roles.contains(DPO);
    }

    /** Works data subject requests and looks up subjects (DESIGN §2). */
    public boolean worksRequests() {
        return isDpo() || roles.contains(PRIVACY_OPERATOR);
    }

    public boolean audits() {
        return isDpo() || roles.contains(AUDITOR);
    }

    public boolean managesPurposes() {
        return isDpo();
    }

    @Override
    public String toString() {
        return "ConsoleUser[actor=" + actor + ", roles=" + roles + "]";
    }
}

package io.privacygate.dsr.service.intake;

import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.dsr.api.CreateRequest;
import io.privacygate.dsr.config.DsrConfig.IntakeClient;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.VerificationMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Least privilege between services (issue #18): a caller holding {@code dsr-intake} acts only within the allow-list
 * configured for its client id ({@code privacy-gate.dsr.intake.clients.<client id>}), so that a service filing
 * erasures for a platform cannot file an access request for anyone's e-mail address, vouch for the requester
 * itself, and take their data. People (dpo, privacy-operator) are not concerned. Refusals are 403 problems that
 * name what was refused, never the submitted value.
 */
@ApplicationScoped
public class IntakeRights {
    private final Map<String, IntakeClient> clients;

    IntakeRights(DsrConfig config) {
        this.clients = config.intake().clients();
    }

    /** Reading the state of its own requests needs nothing more than being a listed client. */
    public void checkReading(String clientId) {
        client(clientId);
    }

    public void checkFiling(String clientId, CreateRequest request) {
        IntakeClient client = client(clientId);
        if (!client.requestTypes().contains(request.type())) {
            throw forbidden("This client may not file this type of request.");
        }
        checkIdentifiers(client, request.identifiers());
        if (request.rectification() != null && request.rectification().identifiers() != null) {
            checkIdentifiers(client, request.rectification().identifiers());
        }
    }

    /** OPERATOR_ATTESTED is a person's statement of what they checked: no service makes it, whatever is listed. */
    public void checkVerification(String clientId, VerificationMethod method) {
        IntakeClient client = client(clientId);
        if (method == VerificationMethod.OPERATOR_ATTESTED || !client.verificationMethods().contains(method)) {
            throw forbidden("This client may not verify requesters by this method.");
        }
    }

    /**
     * A package is a copy of everything held about a person (Art. 15(3)); only a client that may file the requests
     * producing one (ACCESS, PORTABILITY) may take it, and then only of the requests it filed.
     */
    public void checkDownload(String clientId) {
        if (client(clientId).requestTypes().stream().noneMatch(RequestType::exports)) {
            throw forbidden("This client may not download export packages.");
        }
    }

    private IntakeClient client(String clientId) {
        IntakeClient client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            throw forbidden("This client is not allowed to file or read data subject requests.");
        }
        return client;
    }

    private static void checkIdentifiers(IntakeClient client, List<Identifier> identifiers) {
        for (Identifier identifier : identifiers) {
            if (identifier != null && !client.identifierTypes().contains(identifier.type())) {
                throw forbidden("This client may not file requests naming this type of identifier.");
            }
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}

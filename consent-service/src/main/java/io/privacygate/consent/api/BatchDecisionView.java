package io.privacygate.consent.api;

import java.util.List;

/** The answers, in the order of the queries. */
public record BatchDecisionView(List<DecisionView> decisions) {
}

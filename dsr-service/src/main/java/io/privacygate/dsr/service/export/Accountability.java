package io.privacygate.dsr.service.export;

import io.privacygate.dsr.config.DsrConfig;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the package tells the subject about who is answerable for the processing, beside the purposes: the controller
 * and its DPO (Art. 13(1)(a)-(b), 14(1)(a)-(b)), whether decisions are taken about them by automated means
 * (Art. 15(1)(h)), and transfers to third countries with their safeguards (Art. 15(1)-(2), Art. 46).
 */
public record Accountability(String controllerName, String controllerContact, String dpoContact,
                             String automatedDecisionMaking, List<Transfer> transfers) {

    /** One transfer outside the EEA: to whom, where, and under which safeguard (Art. 45 decision or Art. 46). */
    public record Transfer(String recipient, String country, String safeguard) {
    }

    public static Accountability of(DsrConfig config) {
        DsrConfig.Controller controller = config.controller();
        Map<String, DsrConfig.Transfer> byRecipient = new TreeMap<>(config.transfers());
        List<Transfer> transfers = byRecipient.entrySet().stream().map(e -> new Transfer(e.getKey(),
                e.getValue().country(), e.getValue().safeguard())).toList();
        return new Accountability(controller.name(), controller.contact(), config.dpo().contact().orElse(null),
                config.automatedDecisionMaking(), transfers);
    }
}

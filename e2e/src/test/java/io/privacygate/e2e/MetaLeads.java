package io.privacygate.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Leads as Meta's Graph API returns them ({@code id, created_time, form_id, field_data[{name, values}]}), for
 * the suite's Graph API stand-in ({@code bin/MetaGraphStandIn.java}, started by {@code bin/privacy-gate up}):
 * Meta's servers cannot be reached from here, so ingestion-service fetches a lead's answers from it.
 */
final class MetaLeads {
    private static final Path LEADS = Suite.HOME.resolve("meta-graph/leads");

    private MetaLeads() {
    }

    static void lead(String leadId, String formId, String email, String fullName) {
        try {
            Files.createDirectories(LEADS);
            Files.writeString(LEADS.resolve(leadId + ".json"), """
                    {"id":"%s","created_time":"2026-11-29T09:00:00+0000","form_id":"%s","ad_id":"23850000000000001",
                     "field_data":[{"name":"email","values":["%s"]},{"name":"full_name","values":["%s"]},
                                   {"name":"preferred_store","values":["Lyon"]}]}""".formatted(leadId, formId, email, fullName));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the lead for the Graph API stand-in", e);
        }
    }
}

package io.privacygate.consent.service.purposes;

import io.privacygate.commons.web.CsvTable;
import io.privacygate.consent.api.BalancingTestView;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.api.Ropa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ROPA as CSV (commons' {@link CsvTable}: RFC 4180, formula cells guarded, since the register is opened by
 * people with spreadsheets). Lists are joined with {@code "; "}.
 */
public final class RopaCsv {
    static final List<String> HEADER = List.of("controller", "controllerContact", "key", "version", "status", "title",
            "description", "legalBasis", "legalBasisIri", "basisReference", "balancingInterest", "balancingNecessity",
            "balancingBalance", "balancingSignedOffBy", "balancingSignedOffAt", "dataCategories", "retention", "recipients", "channels",
            "noticeUrl", "noticeVersion", "noticeHashes", "gpcApplies", "directMarketing", "since", "art14Notice", "art14Justification", "platformTerms", "dpoContact", "subjectCategories",
            "transfers", "securityMeasures");

    private RopaCsv() {
    }

    public static String write(Ropa ropa) {
        return CsvTable.write(HEADER, ropa.activities().stream().map(p -> row(ropa, p)).toList());
    }

    /** {@code language=hash} per registered text, by language. */
    private static String noticeHashes(PurposeView p) {
        return p.noticeHashes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** An absent value (description, notice) is an empty cell. */
    private static List<String> row(Ropa ropa, PurposeView p) {
        BalancingTestView test = p.balancingTest();
        return Arrays.asList(ropa.controller().name(), ropa.controller().contact(), p.key(),
                String.valueOf(p.version()), p.status().name(), p.title(), p.description(), p.legalBasis().name(),
                p.legalBasisIri(), p.basisReference(), test == null ? null : test.interest(),
                test == null ? null : test.necessity(), test == null ? null : test.balance(),
                test == null ? null : test.signedOffBy(), test == null ? null : test.signedOffAt().toString(), String.join("; ", p.dataCategories()), p.retention(),
                String.join("; ", p.recipients()), String.join("; ", p.channels()), p.noticeUrl(),
                p.noticeVersion(), noticeHashes(p), String.valueOf(p.gpcApplies()),
                String.valueOf(p.directMarketing()), p.createdAt().toString(), p.art14Notice().name(), p.art14Justification(),
                platformTerms(ropa, p), ropa.dpo().contact(), String.join("; ", ropa.subjectCategories()),
                ropa.transfers().stream().map(t -> t.recipient() + " (" + t.country() + ", " + t.safeguard() + ")")
                        .collect(Collectors.joining("; ")), ropa.securityMeasures());
    }

    /**
     * Per limited channel, the kinds of its content this activity may use under the platform's terms:
     * {@code linkedin=lead-form}, or {@code linkedin=none} (#21 point 4).
     */
    private static String platformTerms(Ropa ropa, PurposeView p) {
        Map<String, List<String>> kinds = new TreeMap<>();
        ropa.platformTerms().forEach(limit -> {
            List<String> allowed = kinds.computeIfAbsent(limit.channel(), channel -> new ArrayList<>());
            if (limit.purposes().contains(p.key())) {
                allowed.add(limit.sourceKind().wireName());
            }
        });
        return kinds.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().isEmpty() ? "none" : String.join(",", e.getValue())))
                .collect(Collectors.joining("; "));
    }
}

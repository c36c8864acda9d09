package io.privacygate.dsr.service.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.dsr.api.PurposeInfo;
import io.privacygate.dsr.model.DsrRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Art. 15(3)/20(1) package: for each system {@code <system>.json} (everything it holds, as it answered)
 * and a {@code <system>.<records>.csv} beside it per record set, and {@code manifest.json} with the
 * information Art. 15(1) requires: purposes, categories, recipients, retention, sources, legal bases, the
 * processing history, the controller and its DPO, automated decision-making, and transfers with their safeguards.
 */
public final class ExportPackager {
    /** Row fields that name where data came from (Art. 15(1)(g)). */
    static final Set<String> SOURCE_FIELDS = Set.of("platform", "source", "channel");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ExportPackager() {
    }

    /** @param noDataHeldIn the participants that answered they hold nothing about the subject */
    public static byte[] zip(DsrRequest request, List<DsrExport> exports, List<String> noDataHeldIn,
                             List<PurposeInfo> register, String historySystem, Accountability accountability,
                             Instant generatedAt) {
        List<DsrExport> sorted = exports.stream().sorted(Comparator.comparing(DsrExport::system)).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            List<Map<String, Object>> systems = new ArrayList<>();
            for (DsrExport export : sorted) {
                String base = fileName(export.system());
                put(zip, base + ".json", JSON.writeValueAsBytes(export));
                List<String> csvFiles = new ArrayList<>();
                Map<String, Integer> counts = new LinkedHashMap<>();
                records(export).forEach((set, rows) -> {
                    String csvName = base + "." + fileName(set) + ".csv";
                    csvFiles.add(csvName);
                    counts.put(set, rows.size());
                    put(zip, csvName, Csv.write(rows).getBytes(StandardCharsets.UTF_8));
                });
                Map<String, Object> system = new LinkedHashMap<>();
                system.put("system", export.system());
                system.put("exportedAt", export.exportedAt());
                system.put("file", base + ".json");
                system.put("csv", csvFiles);
                system.put("recordSets", counts);
                systems.add(system);
            }
            Map<String, Object> manifest = manifest(request, sorted, register, historySystem, accountability, generatedAt,
                    systems);
            manifest.put("noDataHeldIn", noDataHeldIn.stream().sorted().toList());
            put(zip, "manifest.json", JSON.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("The export package could not be written", e);
        }
        return bytes.toByteArray();
    }

    static Map<String, Object> manifest(DsrRequest request, List<DsrExport> exports, List<PurposeInfo> register,
                                        String historySystem, Accountability accountability, Instant generatedAt,
                                        List<Map<String, Object>> systems) {
        Map<String, PurposeInfo> byKey = new TreeMap<>();
        register.forEach(p -> byKey.put(p.key(), p));
        List<PurposeInfo> purposes = Purposes.processedFor(exports).stream().map(byKey::get).filter(Objects::nonNull).toList();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("request", Map.of("id", request.id, "type", request.type, "receivedAt", request.receivedAt,
                "dueAt", request.dueAt));
        manifest.put("subjectId", request.subjectId);
        manifest.put("generatedAt", generatedAt);
        manifest.put("controller", Map.of("name", accountability.controllerName(), "contact",
                accountability.controllerContact()));
        Map<String, Object> dpo = new LinkedHashMap<>();
        dpo.put("contact", accountability.dpoContact());
        manifest.put("dpo", dpo);
        manifest.put("automatedDecisionMaking", accountability.automatedDecisionMaking());
        manifest.put("transfers", accountability.transfers().stream().map(t -> Map.of("recipient", t.recipient(),
                "country", t.country(), "safeguard", t.safeguard())).toList());
        manifest.put("systems", systems);
        manifest.put("purposes", purposes.stream().map(ExportPackager::purpose).toList());
        manifest.put("categories", sortedUnion(purposes.stream().map(PurposeInfo::dataCategories).toList()));
        manifest.put("recipients", sortedUnion(purposes.stream().map(PurposeInfo::recipients).toList()));
        manifest.put("retention", purposes.stream().map(p -> Map.of("purpose", p.key(), "period", String.valueOf(p.retention())))
                .toList());
        manifest.put("legalBases", purposes.stream().map(p -> Map.of("purpose", p.key(), "legalBasis",
                String.valueOf(p.legalBasis()), "iri", String.valueOf(p.legalBasisIri()))).toList());
        manifest.put("sources", sources(exports));
        manifest.put("processingHistory", history(exports, historySystem));
        manifest.put("rights", "You may ask for rectification (Art. 16) or erasure (Art. 17) of your data, for "
                + "restriction of its processing (Art. 18), object to it (Art. 21), and lodge a complaint with a "
                + "supervisory authority (Art. 77).");
        if (accountability.transfers().isEmpty()) {
            manifest.put("transfersStatement", "Your data is not transferred to a third country or an international "
                    + "organisation.");
        }
        return manifest;
    }

    private static Map<String, Object> purpose(PurposeInfo p) {
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("key", p.key());
        purpose.put("version", p.version());
        purpose.put("title", p.title());
        purpose.put("description", p.description());
        purpose.put("legalBasis", p.legalBasis());
        purpose.put("legalBasisIri", p.legalBasisIri());
        purpose.put("dataCategories", p.dataCategories());
        purpose.put("recipients", p.recipients());
        purpose.put("retention", p.retention());
        return purpose;
    }

    /** Art. 15(1)(g): each system, with the platforms and channels its records say the data came from. */
    private static List<Map<String, Object>> sources(List<DsrExport> exports) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (DsrExport export : exports) {
            Set<String> origins = new TreeSet<>();
            records(export).values().forEach(rows -> rows.forEach(row -> SOURCE_FIELDS.stream().map(row::get)
                    .filter(Objects::nonNull).map(String::valueOf).filter(v -> !v.isBlank()).forEach(origins::add)));
            sources.add(Map.of("system", export.system(), "origins", List.copyOf(origins)));
        }
        return sources;
    }

    private static Map<String, Object> history(List<DsrExport> exports, String historySystem) {
        List<Map<String, Object>> entries = exports.stream().filter(e -> historySystem.equals(e.system()))
                .flatMap(e -> records(e).values().stream()).flatMap(List::stream).toList();
        return Map.of("system", historySystem, "entries", entries);
    }

    private static Map<String, List<Map<String, Object>>> records(DsrExport export) {
        Map<String, List<Map<String, Object>>> records = new TreeMap<>();
        if (export.records() != null) {
            export.records().forEach((set, rows) -> records.put(set, rows == null ? List.of() : rows));
        }
        return records;
    }

    private static List<String> sortedUnion(List<List<String>> lists) {
        Set<String> union = new TreeSet<>();
        lists.forEach(union::addAll);
        return List.copyOf(union);
    }

    /** Names from other systems become safe file names. */
    static String fileName(String name) {
        String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("The export package could not be written", e);
        }
    }
}

package io.privacygate.consent.repository;

import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.consent.model.ConsentState;
import io.privacygate.consent.model.LatestConsent;
import io.privacygate.consent.model.PurposeRule;
import io.privacygate.consent.model.PurposeStatus;
import io.privacygate.consent.model.SubjectState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state decisions need, read in bulk with the reactive client (no ORM session): one query loads any
 * number of subjects, so a batch of decisions costs at most one round trip per kind of state.
 */
@ApplicationScoped
public class DecisionStateRepository {
    private final Pool pool;

    DecisionStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** The subjects that exist among {@code ids}, each with its latest event per purpose. */
    public Uni<Map<UUID, SubjectState>> loadSubjects(Collection<UUID> ids) {
        return pool.preparedQuery("""
                        select s.id, s.restricted, s.pending_until is not null as pending, e.purpose_key, e.id as event_id, e.state, e.notice_version
                        from subject s
                        left join lateral (
                            select distinct on (c.purpose_key) c.purpose_key, c.id, c.state, c.notice_version
                            from consent_event c
                            where c.subject_id = s.id
                            order by c.purpose_key, c.captured_at desc, c.seq desc) e on true
                        where s.id = any($1)""")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Boolean> restricted = new HashMap<>();
                    Set<UUID> pending = new HashSet<>();
                    Map<UUID, Map<String, LatestConsent>> latest = new HashMap<>();
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        restricted.put(id, row.getBoolean("restricted"));
                        if (row.getBoolean("pending")) {
                            pending.add(id);
                        }
                        Map<String, LatestConsent> perPurpose = latest.computeIfAbsent(id, k -> new HashMap<>());
                        String purpose = row.getString("purpose_key");
                        if (purpose != null) {
                            perPurpose.put(purpose, new LatestConsent(row.getUUID("event_id"),
                                    ConsentState.valueOf(row.getString("state")), row.getString("notice_version")));
                        }
                    }
                    return new Loaded(restricted, pending, latest);
                })
                .chain(found -> objections(found.restricted().keySet()).map(objections -> {
                    Map<UUID, SubjectState> states = new HashMap<>();
                    found.restricted().forEach((id, r) -> states.put(id, new SubjectState(id, r,
                            Map.copyOf(found.latest().get(id)), objections.getOrDefault(id, Map.of()),
                            found.pending().contains(id))));
                    return states;
                }));
    }

    private record Loaded(Map<UUID, Boolean> restricted, Set<UUID> pending, Map<UUID, Map<String, LatestConsent>> latest) {
    }

    /** Each subject's objections by purpose, with whether compelling grounds override them. */
    private Uni<Map<UUID, Map<String, Boolean>>> objections(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select subject_id, purpose_key, grounds is not null as overridden from objection "
                        + "where subject_id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Map<String, Boolean>> objections = new HashMap<>();
                    for (Row row : rows) {
                        objections.computeIfAbsent(row.getUUID("subject_id"), k -> new HashMap<>())
                                .put(row.getString("purpose_key"), row.getBoolean("overridden"));
                    }
                    return objections;
                });
    }

    /** The current version of every purpose, by key. */
    public Uni<Map<String, PurposeRule>> loadPurposes() {
        return pool.query("select key, version, status, legal_basis, channels, notice_version, gpc_applies, direct_marketing "
                        + "from purpose where current")
                .execute()
                .map(rows -> {
                    Map<String, PurposeRule> purposes = new HashMap<>();
                    for (Row row : rows) {
                        purposes.put(row.getString("key"), new PurposeRule(row.getString("key"), row.getInteger("version"),
                                PurposeStatus.ACTIVE.name().equals(row.getString("status")), LegalBasis.valueOf(row.getString("legal_basis")), Set.of(row.getArrayOfStrings("channels")),
                                row.getString("notice_version"), row.getBoolean("gpc_applies"),
                                row.getBoolean("direct_marketing")));
                    }
                    return Map.copyOf(purposes);
                });
    }

    /** The subject of each blind index that is known. */
    public Uni<Map<String, UUID>> findSubjectsByBlindIndex(Collection<String> blindIndexes) {
        return pool.preparedQuery("select blind_index, subject_id from subject_identifier where blind_index = any($1)")
                .execute(Tuple.of(blindIndexes.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, UUID> subjects = new HashMap<>();
                    for (Row row : rows) {
                        subjects.put(row.getString("blind_index"), row.getUUID("subject_id"));
                    }
                    return subjects;
                });
    }
}

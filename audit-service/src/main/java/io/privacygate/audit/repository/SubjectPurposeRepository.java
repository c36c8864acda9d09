package io.privacygate.audit.repository;

import io.privacygate.audit.model.SubjectPurpose;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The purposes each subject's data was stored for, as learnt from the log. Set-based reads and writes. */
@ApplicationScoped
public class SubjectPurposeRepository {

    public Uni<Map<String, Set<String>>> find(SqlClient client, Collection<String> subjectRefs) {
        if (subjectRefs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select subject_ref, purpose from subject_purpose where subject_ref = any($1)")
                .execute(Tuple.of(subjectRefs.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Set<String>> found = new HashMap<>();
                    for (Row row : rows) {
                        found.computeIfAbsent(row.getString("subject_ref"), s -> new HashSet<>()).add(row.getString("purpose"));
                    }
                    return found;
                });
    }

    public Uni<Void> apply(SqlConnection transaction, List<SubjectPurpose> added, List<SubjectPurpose> removed) {
        Uni<Void> deleted = removed.isEmpty() ? Uni.createFrom().voidItem() : transaction.preparedQuery("""
                        delete from subject_purpose where (subject_ref, purpose) in
                            (select * from unnest($1::text[], $2::text[]))""")
                .execute(pairs(removed)).replaceWithVoid();
        return deleted.chain(() -> added.isEmpty() ? Uni.createFrom().voidItem() : transaction.preparedQuery("""
                        insert into subject_purpose (subject_ref, purpose)
                        select * from unnest($1::text[], $2::text[]) on conflict do nothing""")
                .execute(pairs(added)).replaceWithVoid());
    }

    private static Tuple pairs(List<SubjectPurpose> pairs) {
        return Tuple.of(pairs.stream().map(SubjectPurpose::subjectRef).toArray(String[]::new),
                pairs.stream().map(SubjectPurpose::purpose).toArray(String[]::new));
    }
}

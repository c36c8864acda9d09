package io.privacygate.audit.service.dsr;

import io.privacygate.audit.model.LogEntry;
import io.privacygate.audit.repository.LogEntryRepository;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A subject's processing history (Art. 15): who processed its data, for which purpose, on which basis. */
@ApplicationScoped
public class SubjectService {
    private final Pool pool;
    private final LogEntryRepository entries;

    SubjectService(Pool pool, LogEntryRepository entries) {
        this.pool = pool;
        this.entries = entries;
    }

    public Uni<Page<LogEntry>> history(String subjectRef, PageRequest page) {
        return entries.countBySubject(pool, subjectRef)
                .chain(total -> entries.findBySubject(pool, subjectRef, page.offset(), page.size())
                        .map(items -> new Page<>(items, page.page(), page.size(), total)));
    }

    /** Every entry about the subject, oldest first. */
    public Uni<List<LogEntry>> all(String subjectRef) {
        return entries.findBySubject(pool, subjectRef, 0, Integer.MAX_VALUE);
    }
}

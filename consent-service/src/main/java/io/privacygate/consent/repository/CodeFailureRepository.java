package io.privacygate.consent.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** Wrong codes per address (blind index) and UTC day, shared by every replica. */
@ApplicationScoped
@WithSession
public class CodeFailureRepository {

    /**
     * The address's failures of the day, with its row locked for this transaction (written if it was missing), so
     * that two attempts at once for one address are counted one after the other.
     */
    public Uni<Integer> lock(String addressIndex, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into privacy_code_failure (address_index, day, failures) values (:address, :day, 0) "
                                + "on conflict (address_index, day) do update set failures = privacy_code_failure.failures "
                                + "returning failures", Integer.class)
                .setParameter("address", addressIndex)
                .setParameter("day", day)
                .getSingleResult());
    }

    /** Counts one failure; the row must have been {@link #lock locked} in this transaction. */
    public Uni<Integer> fail(String addressIndex, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update privacy_code_failure set failures = failures + 1 where address_index = :address and day = :day "
                                + "returning failures", Integer.class)
                .setParameter("address", addressIndex)
                .setParameter("day", day)
                .getSingleResult());
    }

    /** The address's failures of the day, without locking: 0 when there were none. */
    public Uni<Integer> failures(String addressIndex, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select failures from privacy_code_failure where address_index = :address and day = :day",
                        Integer.class)
                .setParameter("address", addressIndex)
                .setParameter("day", day)
                .getResultList())
                .map((List<Integer> rows) -> rows.isEmpty() ? 0 : rows.get(0));
    }

    public Uni<Integer> deleteBefore(LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from privacy_code_failure where day < :day")
                .setParameter("day", day)
                .executeUpdate());
    }
}

package io.privacygate.dsr.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/** Wrong verification code entries per e-mail address (by blind index) and UTC day. */
@ApplicationScoped
@WithSession
public class CodeFailureRepository {

    public Uni<Integer> failures(String addressIndex, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select failures from dsr_code_failure where address_index = :address and day = :day", Integer.class)
                .setParameter("address", addressIndex)
                .setParameter("day", day)
                .getResultList())
                .map(rows -> rows.isEmpty() ? 0 : rows.get(0));
    }

    /** One more, in one statement, so that concurrent wrong entries for an address are all counted. */
    public Uni<Integer> add(String addressIndex, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into dsr_code_failure (address_index, day, failures) values (:address, :day, 1)
                        on conflict (address_index, day) do update set failures = dsr_code_failure.failures + 1""")
                .setParameter("address", addressIndex)
                .setParameter("day", day)
                .executeUpdate());
    }

    public Uni<Integer> deleteBefore(LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from dsr_code_failure where day < :day")
                .setParameter("day", day)
                .executeUpdate());
    }
}

package io.privacygate.consent.rest;

import io.privacygate.testing.Sql;

/** Plain SQL against the service's database ({@link Sql}), to assert on what was stored, not only on what was answered. */
final class Db extends Sql {

    private Db() {
    }
}

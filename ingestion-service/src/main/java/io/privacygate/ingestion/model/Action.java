package io.privacygate.ingestion.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an event does to the item it is about: a person created it, or changed or removed it at the source. A copy
 * kept here follows the source (issue 21): an edit replaces the stored text, a removal deletes the stored copy.
 */
@RegisterForReflection // part of the inbox payload, stored as JSON by hand
public enum Action {
    CREATE, EDIT, DELETE
}

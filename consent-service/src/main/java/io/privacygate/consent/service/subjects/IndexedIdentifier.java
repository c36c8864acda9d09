package io.privacygate.consent.service.subjects;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierNormalizer;
import io.privacygate.commons.identity.IdentifierType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** An identifier in its normalised form with its blind index. The value is personal data: never logged. */
public record IndexedIdentifier(IdentifierType type, String normalized, String blindIndex) {

    /**
     * Normalises and indexes identifiers; the same identifier given twice counts once.
     *
     * @param field the request field of the list, named in errors as {@code field[i].value}
     */
    public static Uni<Map<String, IndexedIdentifier>> of(BlindIndex blindIndex, List<Identifier> identifiers, String field) {
        return Multi.createFrom().iterable(IntStream.range(0, identifiers.size()).boxed().toList())
                .onItem().transformToUniAndConcatenate(i -> {
                    Identifier identifier = identifiers.get(i);
                    String valueField = field + "[" + i + "].value";
                    String normalized = IdentifierNormalizer.normalize(identifier.type(), identifier.value(), valueField);
                    return blindIndex.of(identifier, valueField)
                            .map(index -> new IndexedIdentifier(identifier.type(), normalized, index));
                })
                .collect().in(LinkedHashMap<String, IndexedIdentifier>::new, (map, id) -> map.putIfAbsent(id.blindIndex(), id));
    }

    @Override
    public String toString() {
        return "IndexedIdentifier[type=" + type + ", value=<redacted>]";
    }
}

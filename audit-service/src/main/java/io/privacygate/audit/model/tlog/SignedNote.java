package io.privacygate.audit.model.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one or more signature lines. The
 * signatures are over the text's UTF-8 bytes, its final newline included.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** The spec asks verifiers to accept at least 16 signatures and to bound them; this leaves room for witnesses. */
    static final int MAX_SIGNATURES = 64;

    public SignedNote {
        if (text == null || !text.endsWith("\n") || !allowedCharacters(text)) {
            throw new IllegalArgumentException("A note text ends in a newline and has no other control characters");
        }
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("A signed note has between 1 and " + MAX_SIGNATURES + " signatures");
        }
    }

    /** This note with more signature lines, e.g. witnesses' cosignatures; a line it has already is not added twice. */
    public SignedNote with(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        more.stream().filter(signature -> !all.contains(signature)).forEach(all::add);
        return new SignedNote(text, all);
    }

    /** @throws IllegalArgumentException if the bytes are not a signed note */
    public static SignedNote parse(String note) {
        // The text is separated from the signatures by the last empty line (c2sp.org/signed-note, "Format").
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || split + 2 >= note.length() || !note.endsWith("\n")) {
            throw new IllegalArgumentException("A signed note is a text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(text, signatures);
    }

    /** The note of {@code text} signed by one key. */
    public static SignedNote of(String text, NoteSignature signature) {
        return new SignedNote(text, List.of(signature));
    }

    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The keys of {@code trusted} whose signatures verify. Signatures by unknown keys are ignored; a signature by a
     * known key (same name and hash) that does not verify rejects the whole note, and so does a note that no known
     * key signed (c2sp.org/signed-note, "Signatures").
     *
     * @throws IllegalArgumentException if the note is rejected
     */
    public List<NoteVerifier> verify(List<? extends NoteVerifier> trusted) {
        List<NoteVerifier> verified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            for (NoteVerifier key : trusted) {
                if (signature.isBy(key)) {
                    if (!key.verifies(textBytes(), signature.signature())) {
                        throw new IllegalArgumentException("The signature by " + key.name() + " does not verify");
                    }
                    if (!verified.contains(key)) {
                        verified.add(key);
                    }
                }
            }
        }
        if (verified.isEmpty()) {
            throw new IllegalArgumentException("No signature by a known key");
        }
        return verified;
    }

    private static boolean allowedCharacters(String text) {
        return text.chars().noneMatch(c -> c < 0x20 && c != '\n');
    }
}

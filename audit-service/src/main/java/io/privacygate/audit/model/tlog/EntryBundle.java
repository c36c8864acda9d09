package io.privacygate.audit.model.tlog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** An entry bundle of c2sp.org/tlog-tiles: each entry as a big-endian uint16 length, then its bytes. */
public final class EntryBundle {
    static final int MAX_ENTRY = 0xffff;

    private EntryBundle() {
    }

    /** @throws IllegalArgumentException if an entry is longer than a uint16 can say */
    public static byte[] frame(List<byte[]> entries) {
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY) {
                throw new IllegalArgumentException("An entry of a bundle is at most 65,535 bytes");
            }
            bundle.write(entry.length >>> 8);
            bundle.write(entry.length & 0xff);
            bundle.writeBytes(entry);
        }
        return bundle.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not a sequence of length-prefixed entries */
    public static List<byte[]> parse(byte[] bundle) {
        ByteBuffer in = ByteBuffer.wrap(bundle);
        List<byte[]> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < 2) {
                throw new IllegalArgumentException("An entry bundle ends inside a length");
            }
            int length = Short.toUnsignedInt(in.getShort());
            if (in.remaining() < length) {
                throw new IllegalArgumentException("An entry bundle ends inside an entry");
            }
            byte[] entry = new byte[length];
            in.get(entry);
            entries.add(entry);
        }
        return entries;
    }
}

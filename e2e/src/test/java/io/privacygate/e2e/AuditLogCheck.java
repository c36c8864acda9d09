package io.privacygate.e2e;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log as stored, checked from its rows alone, as an expert given the database would: the leaves are the
 * indexes 0..n-1 with no gap, each leaf hash is SHA-256(0x00 ‖ leaf data), each event id occurs once, and the RFC 6962
 * Merkle tree head of the first {@code size} leaves equals the root of every signed checkpoint of that size.
 */
final class AuditLogCheck {
    /** What is wrong, one line each; empty if the log is whole. */
    final List<String> problems = new ArrayList<>();
    long entries;
    long checkpoints;

    static AuditLogCheck run() {
        AuditLogCheck check = new AuditLogCheck();
        check.verify();
        return check;
    }

    private void verify() {
        TreeMap<Long, byte[]> roots = new TreeMap<>();
        Databases.forEach("audit", "select tree_size, root_hash from signed_checkpoint order by tree_size",
                row -> roots.put(row.getLong(1), row.getBytes(2)));
        checkpoints = roots.size();
        Map<String, Long> repeated = Databases.counts("audit",
                "select event_id, count(*) from log_entry group by event_id having count(*) > 1");
        repeated.forEach((eventId, count) -> problems.add("event " + eventId + " is in the log " + count + " times"));

        Deque<byte[]> perfect = new ArrayDeque<>(); // the perfect subtrees' roots, largest first
        Deque<Long> sizes = new ArrayDeque<>();
        Iterator<Map.Entry<Long, byte[]>> due = roots.entrySet().iterator();
        Map.Entry<Long, byte[]>[] next = nextOf(due);
        checkRoot(0, perfect, next, due);
        long[] expected = {0};
        Databases.forEach("audit", "select idx, leaf_data, leaf_hash from log_entry order by idx", row -> {
            long index = row.getLong(1);
            if (index != expected[0]) {
                problems.add("leaf " + expected[0] + " is missing (next stored: " + index + ")");
                expected[0] = index;
            }
            byte[] leaf = sha256(new byte[]{0}, row.getBytes(2));
            if (!Arrays.equals(leaf, row.getBytes(3))) {
                problems.add("leaf " + index + "'s stored hash is not the hash of its data");
            }
            perfect.addLast(leaf);
            sizes.addLast(1L);
            while (sizes.size() >= 2 && lastTwoEqual(sizes)) {
                byte[] right = perfect.removeLast();
                byte[] left = perfect.removeLast();
                long size = sizes.removeLast() * 2;
                sizes.removeLast();
                perfect.addLast(sha256(new byte[]{1}, left, right));
                sizes.addLast(size);
            }
            expected[0] = index + 1;
            checkRoot(expected[0], perfect, next, due);
        });
        entries = expected[0];
        while (next[0] != null) {
            problems.add("checkpoint of size " + next[0].getKey() + " is beyond the log's " + entries + " entries");
            next[0] = due.hasNext() ? due.next() : null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<Long, byte[]>[] nextOf(Iterator<Map.Entry<Long, byte[]>> due) {
        return new Map.Entry[]{due.hasNext() ? due.next() : null};
    }

    private void checkRoot(long size, Deque<byte[]> perfect, Map.Entry<Long, byte[]>[] next,
                           Iterator<Map.Entry<Long, byte[]>> due) {
        while (next[0] != null && next[0].getKey() == size) {
            byte[] root = root(perfect);
            if (!Arrays.equals(root, next[0].getValue())) {
                problems.add("checkpoint of size " + size + " signs root " + HexFormat.of().formatHex(next[0].getValue())
                        + ", the leaves give " + HexFormat.of().formatHex(root));
            }
            next[0] = due.hasNext() ? due.next() : null;
        }
    }

    /** RFC 6962 §2.1: the perfect subtrees, folded from the right. */
    private static byte[] root(Deque<byte[]> perfect) {
        if (perfect.isEmpty()) {
            return sha256();
        }
        Iterator<byte[]> fromRight = perfect.descendingIterator();
        byte[] hash = fromRight.next();
        while (fromRight.hasNext()) {
            hash = sha256(new byte[]{1}, fromRight.next(), hash);
        }
        return hash;
    }

    private static boolean lastTwoEqual(Deque<Long> sizes) {
        Iterator<Long> fromRight = sizes.descendingIterator();
        return fromRight.next().equals(fromRight.next());
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

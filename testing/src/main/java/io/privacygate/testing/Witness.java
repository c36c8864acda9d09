package io.privacygate.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A small witness: the witness side of c2sp.org/tlog-witness ({@code POST /add-checkpoint}) with Ed25519 cosignatures
 * of c2sp.org/tlog-cosignature (type 0x04), in memory, on 127.0.0.1. It trusts one log (origin and Ed25519 verifier
 * key), records the latest checkpoint it cosigned, and cosigns a new one only if a consistency proof shows it extends
 * that one: it refuses a checkpoint inconsistent with one it has cosigned. Written from the specs with the JDK alone,
 * sharing no code with audit-service, so that it checks our log as an outside witness would.
 */
public final class Witness implements AutoCloseable {
    private static final byte COSIGNATURE_V1 = 0x04;
    private static final byte ED25519 = 0x01;
    private static final String SIZE_TYPE = "text/x.tlog.size";

    private final String name;
    private final String origin;
    private final KeyPair keys;
    private final HttpServer server;
    private final List<String> refusals = new ArrayList<>();
    private String logKeyName;
    private int logKeyHash;
    private PublicKey logKey;
    private long size;
    private byte[] root;
    private boolean down;

    /**
     * A witness named {@code name} for the log of {@code origin}; it cosigns nothing until it is told the log's key
     * ({@link #trust(String)}), since a log under test often makes its key only once it runs.
     */
    public static Witness start(String name, String origin) {
        try {
            return new Witness(name, origin);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The witness cannot start", e);
        }
    }

    /** Trusts the log's Ed25519 verifier key ({@code name+hash+base64(0x01 ‖ key)}), replacing any before. */
    public synchronized void trust(String logVkey) {
        String[] vkey = logVkey.split("\\+", 3);
        byte[] typed = Base64.getDecoder().decode(vkey[2]);
        if (vkey.length != 3 || typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("The log's key is not an Ed25519 vkey");
        }
        try {
            logKey = ed25519(Arrays.copyOfRange(typed, 1, 33));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The log's key is not an Ed25519 key", e);
        }
        logKeyName = vkey[0];
        logKeyHash = Integer.parseUnsignedInt(vkey[1], 16);
    }

    private Witness(String name, String origin) throws IOException, GeneralSecurityException {
        this.name = name;
        this.origin = origin;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/add-checkpoint", this::addCheckpoint);
        server.start();
    }

    /** The submission prefix. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The witness's cosigner key as a vkey of signature type 0x04. */
    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = COSIGNATURE_V1;
        System.arraycopy(rawPublicKey(), 0, typed, 1, 32);
        return name + "+" + HexFormat.of().toHexDigits(keyHash(name, COSIGNATURE_V1, rawPublicKey()))
                + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The size of the latest checkpoint cosigned. */
    public synchronized long size() {
        return size;
    }

    /** Why each refused submission was refused (status and reason), oldest first. */
    public synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** While down, every submission answers 503, as an unreachable or failing witness would look. */
    public synchronized void down(boolean down) {
        this.down = down;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void addCheckpoint(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain", "POST only\n");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (this) {
                // Checking the old size and recording the new checkpoint are one step (the spec's race).
                answer = down ? new Answer(503, "text/plain", "down\n") : submit(body);
                if (answer.status() != 200) {
                    refusals.add(answer.status() + " " + answer.body().strip());
                }
            }
            answer(exchange, answer.status(), answer.type(), answer.body());
        }
    }

    private record Answer(int status, String type, String body) {
        static Answer refuse(int status, String reason) {
            return new Answer(status, "text/plain", reason + "\n");
        }
    }

    private Answer submit(String body) {
        int blank = body.indexOf("\n\n");
        if (!body.startsWith("old ") || blank < 0) {
            return Answer.refuse(400, "not an old size line, proof lines, a blank line and a checkpoint");
        }
        List<String> header = List.of(body.substring(0, blank).split("\n", -1));
        String note = body.substring(blank + 2);
        long oldSize;
        List<byte[]> proof = new ArrayList<>();
        try {
            oldSize = decimal(header.get(0).substring(4));
            for (String line : header.subList(1, header.size())) {
                byte[] hash = Base64.getDecoder().decode(line);
                if (hash.length != 32) {
                    return Answer.refuse(400, "a proof line is not a hash");
                }
                proof.add(hash);
            }
        } catch (IllegalArgumentException e) {
            return Answer.refuse(400, "malformed old size or proof line");
        }
        if (proof.size() > 63) {
            return Answer.refuse(400, "more than 63 proof lines");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            return Answer.refuse(400, "not a signed note");
        }
        String text = note.substring(0, split + 1);
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            return Answer.refuse(400, "not a checkpoint");
        }
        if (!lines[0].equals(origin)) {
            return Answer.refuse(404, "unknown origin");
        }
        if (logKey == null) {
            return Answer.refuse(403, "no trusted key for the origin yet");
        }
        Boolean signed = signedByTheLog(text, note.substring(split + 2, note.length() - 1));
        if (signed == null || !signed) {
            return Answer.refuse(403, signed == null ? "no signature by the log's key" : "the log's signature does not verify");
        }
        long newSize;
        byte[] newRoot;
        try {
            newSize = decimal(lines[1]);
            newRoot = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            return Answer.refuse(400, "malformed size or root");
        }
        if (oldSize > newSize) {
            return Answer.refuse(400, "old size beyond the checkpoint's size");
        }
        if (oldSize != size) {
            return new Answer(409, SIZE_TYPE, size + "\n");
        }
        if (newSize == 0 && !Arrays.equals(newRoot, sha256())) {
            return Answer.refuse(422, "an empty tree with another root");
        }
        if (oldSize == 0 ? !proof.isEmpty()
                : oldSize == newSize ? !Arrays.equals(root, newRoot) || !proof.isEmpty()
                : !consistent(oldSize, newSize, root, newRoot, proof)) {
            return Answer.refuse(422, "not consistent with the checkpoint cosigned before");
        }
        size = newSize;
        root = newRoot;
        return new Answer(200, "text/plain; charset=utf-8", cosignature(text));
    }

    /** null: no signature line by the log's key; else whether it verifies (c2sp.org/signed-note). */
    private Boolean signedByTheLog(String text, String signatureLines) {
        Boolean verified = null;
        for (String line : signatureLines.split("\n", -1)) {
            if (!line.startsWith("\u2014 ")) {
                return false;
            }
            String[] parts = line.substring(2).split(" ", -1);
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(parts[parts.length - 1]);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (parts.length == 2 && parts[0].equals(logKeyName) && signature.length > 4
                    && ByteBuffer.wrap(signature).getInt() == logKeyHash) {
                if (!verifies(logKey, text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signature, 4, signature.length))) {
                    return false;
                }
                verified = true;
            }
        }
        return verified;
    }

    /** One signature line: key hash ‖ u64 timestamp ‖ Ed25519 over "cosignature/v1\ntime <t>\n" ‖ note text. */
    private String cosignature(String text) {
        long timestamp = Instant.now().getEpochSecond();
        byte[] message = ("cosignature/v1\ntime " + timestamp + "\n" + text).getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message);
            byte[] signature = ByteBuffer.allocate(4 + 8 + 64).putInt(keyHash(name, COSIGNATURE_V1, rawPublicKey()))
                    .putLong(timestamp).put(signer.sign()).array();
            return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(signature) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }

    /** RFC 9162 §2.1.4.2: verify that the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    static boolean consistent(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
        List<byte[]> path = new ArrayList<>(proof);
        if (first == second) {
            return path.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        if (first == 0 || first > second || path.isEmpty()) {
            return false;
        }
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash);
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[]{0x01}, left, right);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static int keyHash(String name, byte type, byte[] publicKey) {
        byte[] digest = sha256(name.getBytes(StandardCharsets.UTF_8), new byte[]{'\n', type}, publicKey);
        return ByteBuffer.wrap(digest).getInt();
    }

    private static long decimal(String text) {
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("not a decimal");
        }
        return Long.parseLong(text);
    }

    private byte[] rawPublicKey() {
        byte[] x509 = keys.getPublic().getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
        byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

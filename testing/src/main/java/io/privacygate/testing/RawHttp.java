package io.privacygate.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that ordinary clients refuse to send: a request target that is not a
 * valid URI ({@code %zz}, raw bytes), a body announced but never sent, a chunked body. The request line and headers are
 * sent exactly as given; the answer is read until its length, its last chunk or the connection's end.
 */
public final class RawHttp {
    private static final int TIMEOUT_MILLIS = 15_000;

    private final String host;
    private final int port;

    private RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static RawHttp to(URI base) {
        return new RawHttp(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
    }

    /** One answer: its status, its headers (names in lower case) and its body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * Sends {@code method target HTTP/1.1}, the headers (Host and Connection: close are added) and the body, chunked when
     * {@code chunkSize > 0}, else with a Content-Length unless the headers name one already.
     */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body, int chunkSize) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            boolean declaresLength = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Content-Length"));
            if (chunkSize > 0) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body != null && !declaresLength) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            // Written while the answer is read: the server may answer (413, 414, 431) and close before all is sent.
            Thread writer = Thread.ofVirtual().start(() -> write(out, headBytes, body, chunkSize));
            try {
                return read(new BufferedInputStream(socket.getInputStream()));
            } finally {
                socket.close();
                writer.join(TIMEOUT_MILLIS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + method + " " + abbreviated(target), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, byte[] head, byte[] body, int chunkSize) {
        try {
            out.write(head);
            if (body != null && chunkSize > 0) {
                for (int offset = 0; offset < body.length; offset += chunkSize) {
                    int length = Math.min(chunkSize, body.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException answeredEarly) {
            // The server stopped reading: its answer says why.
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("The connection closed without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size = line(in); size != null; size = line(in)) {
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    break;
                }
                body.write(in.readNBytes(length));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " chars)";
    }
}

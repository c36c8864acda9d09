package io.privacygate.consent.tls;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL that accepts TLS connections only (issue #18, point 10): {@code ssl=on} with a self-signed
 * certificate made for this run by the JDK's own {@code keytool}, and an {@code hba_file} whose only lines are
 * {@code hostssl}, so that a connection without TLS is refused by the server, not merely not attempted.
 * <p>
 * The service is given the certificate as its only trust anchor and {@code verify-full} for both of its
 * datasources, as production should be configured: the JDBC URL (Flyway) and the reactive pool's
 * {@code quarkus.datasource.reactive.postgresql.ssl-mode} and trust options.
 */
public class TlsPostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String STORE_PASSWORD = "test-only";
    private Path folder;
    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("consent-tls-pg");
            Path certificate = folder.resolve("server.crt");
            Path key = folder.resolve("server.key");
            Path hba = folder.resolve("pg_hba.conf");
            selfSignedCertificate(certificate, key);
            Files.writeString(hba, """
                    # TLS only: no 'host' or 'local' line, so a plain connection finds no entry and is refused.
                    hostssl all all 127.0.0.1/32 trust
                    hostssl all all ::1/128 trust
                    """);
            embedded = EmbeddedPostgres.builder()
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", certificate.toString())
                    .setServerConfig("ssl_key_file", key.toString())
                    .setServerConfig("hba_file", hba.toString())
                    .start();
            String database = "test_" + UUID.randomUUID().toString().replace("-", "");
            String server = "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
            String tls = "?sslmode=verify-full&sslrootcert=" + certificate;
            createDatabase(server + "postgres" + tls, database);
            return Map.of(
                    "quarkus.datasource.jdbc.url", server + database + tls,
                    "quarkus.datasource.reactive.url", "postgresql://localhost:" + embedded.getPort() + "/" + database,
                    "quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full",
                    "quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS",
                    "quarkus.datasource.reactive.trust-certificate-pem", "true",
                    "quarkus.datasource.reactive.trust-certificate-pem.certs", certificate.toString(),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException("TLS-only PostgreSQL did not start", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (folder != null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("TLS-only PostgreSQL did not stop", e);
        }
    }

    /** A key pair and a self-signed certificate for localhost, written as PEM; the key readable by its owner only. */
    private void selfSignedCertificate(Path certificate, Path key)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path store = folder.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).redirectOutput(folder.resolve("keytool.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the test certificate: "
                    + Files.readString(folder.resolve("keytool.log")));
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD.toCharArray());
        }
        PrivateKey privateKey = (PrivateKey) keyStore.getKey("server", STORE_PASSWORD.toCharArray());
        Files.writeString(certificate, pem("CERTIFICATE", keyStore.getCertificate("server").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()));
        // PostgreSQL refuses a key file that others may read.
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void createDatabase(String url, String database) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database over TLS", e);
        }
    }
}

package io.privacygate.testing.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a PostgreSQL server from the embedded binaries running on {@code <port>}, and creates the
 * named databases if they do not exist yet: for {@code bin/privacy-gate up}, whose data survives restarts, and for the
 * benchmarks ({@code --fresh}: the data folder is deleted when the server stops, so each run starts from none). Stops the server on SIGTERM.
 * <p>
 * Usage: {@code EmbeddedPostgresMain [--fresh] [--set <name>=<value>]... <data dir> <port> <database>...}; each
 * {@code --set} is a server setting on top of the durable ones below (a benchmark sizes its buffers and WAL).
 */
public final class EmbeddedPostgresMain {
    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean fresh = false;
        Map<String, String> settings = new LinkedHashMap<>();
        int next = 0;
        while (next < args.length && args[next].startsWith("--")) {
            if (args[next].equals("--fresh")) {
                fresh = true;
                next++;
            } else if (args[next].equals("--set") && next + 1 < args.length && args[next + 1].contains("=")) {
                String[] setting = args[next + 1].split("=", 2);
                settings.put(setting[0], setting[1]);
                next += 2;
            } else {
                usage();
            }
        }
        if (args.length - next < 2) {
            usage();
        }
        Path dataDir = Files.createDirectories(Path.of(args[next]).toAbsolutePath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(fresh)
                .setPort(Integer.parseInt(args[next + 1]))
                // The embedded defaults favour test speed over durability; a running suite keeps what it acknowledged,
                // and a benchmark's figures say what a real deployment would do.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            for (int i = next + 2; i < args.length; i++) {
                createIfMissing(connection, args[i]);
            }
        }
        System.out.println("PostgreSQL ready on port " + postgres.getPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void usage() {
        System.err.println("usage: EmbeddedPostgresMain [--fresh] [--set <name>=<value>]... <data dir> <port> <database>...");
        System.exit(2);
    }

    private static void createIfMissing(Connection connection, String database) throws Exception {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create database " + database);
        }
    }
}

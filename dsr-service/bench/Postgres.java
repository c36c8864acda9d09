import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for the dsr-service benchmark, from the embedded binaries the tests use, bound to 127.0.0.1, with
 * one database per service (each service owns its own). synchronous_commit is turned back on, so that the
 * figures say what a real deployment would do.
 * Usage: java -cp <zonky classpath> Postgres.java <data dir> <port>. Stops on SIGTERM.
 */
public final class Postgres {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(true)
                .setPort(Integer.parseInt(args[1]))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("max_connections", "200")
                .start();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            for (String database : new String[]{"consent", "ingestion", "audit", "dsr"}) {
                statement.execute("create database " + database);
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
}

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's PostgreSQL: the embedded binaries the tests use, on 127.0.0.1 only, with one database per
 * service. synchronous_commit is on (the embedded default is off), so that an acknowledged delivery is on
 * disk as it would be in production. Usage: {@code java -cp <zonky classpath> Postgres.java <dir> <port>};
 * stops on SIGTERM.
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
            statement.execute("create database consent");
            statement.execute("create database ingestion");
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

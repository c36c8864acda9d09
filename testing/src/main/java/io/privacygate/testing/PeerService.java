package io.privacygate.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs another Privacy Gate service for real, from its packaged jar ({@code ../<service>/target/quarkus-app},
 * built earlier in the reactor), with its own embedded PostgreSQL and its own OIDC test server. Tokens
 * signed by any {@link OidcWiremockTestResource} are valid for it, since they share the signing key; it takes its
 * own service-account tokens from {@link ServiceAccountTokens}, so the services it calls know who calls them.
 * <p>
 * Init args: {@code service} (e.g. {@code consent-service}) and {@code url-property} (the config key of
 * the module under test that receives the peer's base URL, followed by the optional init arg {@code url-path}); every
 * further init arg {@code config.<key>} is passed to the peer as the configuration property {@code <key>}. While an
 * {@link OtlpCollector} runs, the peer exports its spans there. Tests can {@link #stop(String)} and
 * {@link #restart(String)} the peer to show what happens while it is down.
 */
public class PeerService implements QuarkusTestResourceLifecycleManager {
    private static final Map<String, PeerService> RUNNING = new ConcurrentHashMap<>();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private String service;
    private String urlProperty;
    private String urlPath;
    private final List<String> extraConfig = new ArrayList<>();
    private EmbeddedPostgres database;
    private OidcWiremockTestResource oidc;
    private Path workDir;
    private int port;
    private List<String> command;
    private Process process;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        urlProperty = initArgs.get("url-property");
        urlPath = initArgs.getOrDefault("url-path", "");
        if (service == null || urlProperty == null) {
            throw new IllegalArgumentException("PeerService needs the init args 'service' and 'url-property'");
        }
        initArgs.forEach((key, value) -> {
            if (key.startsWith("config.")) {
                extraConfig.add("-D" + key.substring("config.".length()) + "=" + value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        try {
            database = EmbeddedPostgres.builder().start();
            oidc = new OidcWiremockTestResource();
            String oidcUrl = oidc.start().get("keycloak.url");
            workDir = Files.createDirectories(Path.of("target", "peers", service));
            port = PackagedJars.freePort();
            command = command(oidcUrl);
            process = launch(command);
            RUNNING.put(service, this);
            return Map.of(urlProperty, baseUrl() + urlPath);
        } catch (IOException e) {
            throw new IllegalStateException("Peer " + service + " did not start", e);
        }
    }

    @Override
    public void stop() {
        RUNNING.remove(service);
        destroy();
        if (oidc != null) {
            oidc.stop();
        }
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("The peer's database did not stop", e);
        }
    }

    /** Stops a running peer (its data is kept), to test behaviour while it is unreachable. */
    public static void stop(String service) {
        peer(service).destroy();
    }

    /** Starts a stopped peer again on the same port and database, and waits until it is ready. */
    public static void restart(String service) {
        PeerService peer = peer(service);
        try {
            peer.process = peer.launch(peer.command);
        } catch (IOException e) {
            throw new IllegalStateException("Peer " + service + " did not restart", e);
        }
    }

    public static String url(String service) {
        return peer(service).baseUrl();
    }

    private static PeerService peer(String service) {
        PeerService peer = RUNNING.get(service);
        if (peer == null) {
            throw new IllegalStateException("No peer " + service + " is running");
        }
        return peer;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private List<String> command(String oidcUrl) {
        Path jar = PackagedJars.copy(service, workDir.resolve("app")).resolve("quarkus-run.jar");
        String jdbc = database.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*$", "");
        String realm = oidcUrl + "/realms/quarkus/";
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-Dquarkus.profile=peer",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=" + jdbc,
                "-Dquarkus.datasource.reactive.url=" + jdbc.replaceFirst("^jdbc:", ""),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + realm,
                "-Dprivacy-gate.keys.local.dir=" + workDir.resolve("keys").toAbsolutePath()));
        ServiceAccountTokens.oidcClientConfig(Path.of(service).getFileName().toString())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        OtlpCollector.exportConfig().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(extraConfig);
        command.addAll(List.of("-jar", jar.toString()));
        return List.copyOf(command);
    }

    private Process launch(List<String> command) throws IOException {
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("output.log").toFile()))
                .start();
        waitUntilReady(started);
        return started;
    }

    private void waitUntilReady(Process started) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!started.isAlive()) {
                throw new IllegalStateException("Peer " + service + " exited; see " + workDir.resolve("output.log"));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        started.destroyForcibly();
        throw new IllegalStateException("Peer " + service + " was not ready within " + READY_TIMEOUT);
    }

    private void destroy() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

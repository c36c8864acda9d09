package io.privacygate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The services as the reactor packages them ({@code <module>/target/quarkus-app}), seen from a module's tests, whose
 * working folder is that module: whether one is built, and a private copy of it to run.
 */
public final class PackagedJars {
    private PackagedJars() {
    }

    /** The packaged app of {@code module}, e.g. {@code dsr-service}. */
    public static Path app(String module) {
        return Path.of("..", module, "target", "quarkus-app").toAbsolutePath().normalize();
    }

    /**
     * Whether {@code module} has been packaged. The full reactor builds the services one after another, so a test that
     * needs a later module's jar runs only where it exists ({@link EnabledIfPackaged}, {@link DisabledIfPackaged}).
     */
    public static boolean isBuilt(String module) {
        return Files.exists(app(module).resolve("quarkus-run.jar"));
    }

    /**
     * Copies the packaged app of {@code module} to {@code to} (replacing an older copy) and returns the copy. A test runs
     * the copy: a module rebuilt while the test runs would otherwise swap jars under a running JVM, which then hangs
     * on a class it can no longer load.
     */
    public static Path copy(String module, Path to) {
        Path packaged = app(module);
        if (!isBuilt(module)) {
            throw new IllegalStateException(packaged + " has no quarkus-run.jar: build " + module + " first (the reactor does)");
        }
        try {
            if (Files.exists(to)) {
                try (Stream<Path> stale = Files.walk(to)) {
                    for (Path path : stale.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(to.getParent());
            try (Stream<Path> files = Files.walk(packaged)) {
                for (Path source : files.toList()) {
                    Files.copy(source, to.resolve(packaged.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the packaged " + module, e);
        }
        return to;
    }

    /** A TCP port free on 127.0.0.1 right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}

package io.privacygate.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, offline, exactly as {@code kubectl apply -k} would. */
final class Kustomize {
    private static final long TIMEOUT_SECONDS = 60;

    private Kustomize() {
    }

    /** The deploy/ folder (the module's base directory under Maven, the working directory elsewhere). */
    static Path deployDir() {
        String basedir = System.getProperty("basedir");
        Path dir = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("overlays"))) {
            dir = dir.resolve("deploy");
        }
        return dir.toAbsolutePath().normalize();
    }

    static Manifests render(Path kustomization) {
        return Manifests.parse(renderYaml(kustomization));
    }

    static String renderYaml(Path kustomization) {
        Path kubectl = kubectl();
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + kustomization + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + kustomization + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(stderr));
                }
                return out;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + " kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + kustomization, e);
        }
    }

    /** kubectl from PATH. Its absence fails the build: this test must not pass by skipping. */
    static Path kubectl() {
        return findOnPath("kubectl").orElseThrow(() -> new AssertionError(
                "kubectl is not on PATH, so the Kubernetes manifests cannot be checked. kubectl (1.32+, with its "
                        + "built-in kustomize) is part of this project's machine image; install it and put it on PATH. "
                        + "PATH=" + System.getenv("PATH")));
    }

    private static Optional<Path> findOnPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

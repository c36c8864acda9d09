package io.privacygate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A copy of a kustomization under target/, broken on purpose. Copies sit two folders below deploy/
 * (target/broken-<case>), as the overlays do, so their relative references (../../base, ...) still resolve.
 */
final class BrokenCopy {
    private final Path dir;

    private BrokenCopy(Path dir) {
        this.dir = dir;
    }

    /** Copies deploy/{@code source} (e.g. "overlays/prod") to deploy/target/broken-{@code name}. */
    static BrokenCopy of(String source, String name) {
        Path deploy = Kustomize.deployDir();
        Path target = deploy.resolve("target").resolve("broken-" + name);
        try {
            deleteRecursively(target);
            Path from = deploy.resolve(source);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = target.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BrokenCopy(target);
    }

    Path dir() {
        return dir;
    }

    /** Rewrites one file of the copy; fails if the edit changed nothing (the breakage must really happen). */
    BrokenCopy edit(String file, UnaryOperator<String> change) {
        try {
            Path path = dir.resolve(file);
            String before = Files.readString(path);
            String after = change.apply(before);
            if (after.equals(before)) {
                throw new AssertionError("the edit of " + path + " changed nothing: the test no longer breaks what it means to");
            }
            Files.writeString(path, after);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a JSON patch (RFC 6902) for one resource to the copy's kustomization. */
    BrokenCopy patch(String kind, String name, String jsonPatchYaml) {
        String file = "broken-" + kind.toLowerCase() + "-" + name + "-" + System.nanoTime() + ".yaml";
        write(file, jsonPatchYaml);
        return edit("kustomization.yaml", k -> k.replaceFirst("(?m)^patches:\n",
                "patches:\n  - path: " + file + "\n    target:\n      kind: " + kind + "\n      name: " + name + "\n"));
    }

    BrokenCopy write(String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Manifests render() {
        return Kustomize.render(dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

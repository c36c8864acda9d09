package io.privacygate.commons.crypto;

import io.privacygate.commons.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.UnaryOperator;

/**
 * Where the local provider's master keyring lives. A keyring file is the local suite's key manager: rotation adds a
 * version to it and retirement drops versions from it, under a file lock, so replicas sharing the file agree, and a
 * replica that meets a version it does not hold reads the file again. A keyring from configuration (a Kubernetes
 * secret) is changed by the operator, who edits the secret and restarts the service.
 */
public final class LocalKeyring {
    private final Path file;
    private volatile MasterKeyring current;

    private LocalKeyring(Path file, MasterKeyring current) {
        this.file = file;
        this.current = current;
    }

    /** A keyring given by configuration; it cannot be rotated by the service. */
    public static LocalKeyring fixed(MasterKeyring keyring) {
        return new LocalKeyring(null, keyring);
    }

    public static LocalKeyring file(Path file) {
        try {
            return new LocalKeyring(file, MasterKeyring.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("The master key file cannot be read", e);
        }
    }

    public MasterKeyring current() {
        return current;
    }

    /** Reads the file again, as another replica may have rotated or retired; a fixed keyring stays as it is. */
    public MasterKeyring refresh() {
        if (file == null) {
            return current;
        }
        try {
            current = MasterKeyring.parse(Files.readString(file));
            return current;
        } catch (IOException e) {
            throw new KeyUnavailableException("The master key file cannot be read.", e);
        }
    }

    /** Applies {@code change} to the keyring file under its lock, and holds the result. */
    public synchronized MasterKeyring update(UnaryOperator<MasterKeyring> change) {
        if (file == null) {
            throw ProblemException.conflict("The master keyring comes from configuration (privacy-gate.keys.local.master-key): "
                    + "change it there and restart the service.");
        }
        if (!Files.isWritable(file)) {
            throw ProblemException.conflict("The master key file is read-only (a mounted secret?): change it where it comes "
                    + "from and restart the service.");
        }
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            MasterKeyring next = change.apply(MasterKeyring.parse(Files.readString(file)));
            Path written = Files.createTempFile(file.toAbsolutePath().getParent(), ".keyring", ".tmp");
            trySetOwnerOnly(written);
            Files.writeString(written, next.format());
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            current = next;
            return next;
        } catch (IOException e) {
            throw new KeyUnavailableException("The master key file cannot be rewritten.", e);
        }
    }

    static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions keeps its default mode.
        }
    }
}

package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps each deployment record as {@code <id>.json} in a directory, written atomically (temporary
 * file, then rename) so a crash never leaves a half-written record.
 */
public final class FileDeploymentStore implements DeploymentStore {
    private final Path directory;

    /** @param directory where records live; created when needed */
    public FileDeploymentStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public Optional<DeploymentRecord> find(String id) throws IOException {
        Path file = directory.resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().readValue(file.toFile(), DeploymentRecord.class));
    }

    @Override
    public void save(DeploymentRecord record) throws IOException {
        Files.createDirectories(directory);
        AtomicFiles.write(directory.resolve(record.id() + ".json"), Json.mapper().writeValueAsBytes(record));
    }

    /** Atomic replacement of small files. */
    static final class AtomicFiles {
        private AtomicFiles() {
        }

        static void write(Path target, byte[] content) throws IOException {
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}

package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens user files as byte streams, un-gzipping by extension, with precise errors. */
final class InputFiles {
    /** Opens a byte stream from its start. */
    @FunctionalInterface
    interface Opener {
        /**
         * @return the bytes, from the start
         * @throws InvalidInputException when they cannot be opened
         */
        InputStream open() throws InvalidInputException;
    }

    private InputFiles() {
    }

    static InputStream open(Path file) throws InvalidInputException {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (file.getFileName().toString().endsWith(".gz")) {
                return new GZIPInputStream(in, 1 << 16);
            }
            return in;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()),
                    "cannot be read: " + e.getMessage(), e);
        }
    }
}

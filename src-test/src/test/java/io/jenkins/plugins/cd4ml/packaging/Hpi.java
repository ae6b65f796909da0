package io.jenkins.plugins.cd4ml.packaging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A plugin archive held in memory: its manifest and its files (nested jars as bytes). Immutable;
 * the {@code with…} methods return changed copies, which tests use to break a good archive on
 * purpose.
 *
 * @param manifest the archive's {@code META-INF/MANIFEST.MF}, or {@code null} when it has none
 * @param files every other file, by path
 */
record Hpi(Manifest manifest, Map<String, byte[]> files) {
    static final String PLUGIN_JAR = "WEB-INF/lib/cd4ml.jar";

    Hpi {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    static Hpi read(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            Map<String, byte[]> files = unzip(in.readAllBytes());
            byte[] manifest = files.remove(JarFile.MANIFEST_NAME);
            return new Hpi(manifest == null ? null : new Manifest(new ByteArrayInputStream(manifest)), files);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return a main attribute of the manifest, or {@code null} */
    String attribute(String name) {
        return manifest == null ? null : manifest.getMainAttributes().getValue(name);
    }

    /** @return the files of a nested jar (its manifest included), e.g. of {@link #PLUGIN_JAR} */
    Map<String, byte[]> jar(String path) {
        byte[] jar = files.get(path);
        if (jar == null) {
            return Map.of();
        }
        return UNZIPPED.computeIfAbsent(jar, bytes -> {
            try {
                return Collections.unmodifiableMap(unzip(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Nested jars already unzipped, by identity of their bytes (copies of an archive share them). */
    private static final Map<byte[], Map<String, byte[]>> UNZIPPED =
            Collections.synchronizedMap(new java.util.WeakHashMap<>());

    Hpi withManifestAttribute(String name, String value) {
        Manifest changed = new Manifest(manifest);
        if (value == null) {
            changed.getMainAttributes().remove(new Attributes.Name(name));
        } else {
            changed.getMainAttributes().putValue(name, value);
        }
        return new Hpi(changed, files);
    }

    Hpi withFile(String path, byte[] content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        if (content == null) {
            changed.remove(path);
        } else {
            changed.put(path, content);
        }
        return new Hpi(manifest, changed);
    }

    /** Changes one file inside a nested jar; {@code null} content removes it. */
    Hpi withJarEntry(String jarPath, String entry, byte[] content) {
        return withJar(jarPath, jar -> {
            if (content == null) {
                jar.remove(entry);
            } else {
                jar.put(entry, content);
            }
            return jar;
        });
    }

    Hpi withJar(String jarPath, UnaryOperator<Map<String, byte[]>> change) {
        Map<String, byte[]> jar = new LinkedHashMap<>(jar(jarPath));
        return withFile(jarPath, zip(change.apply(jar)));
    }
}

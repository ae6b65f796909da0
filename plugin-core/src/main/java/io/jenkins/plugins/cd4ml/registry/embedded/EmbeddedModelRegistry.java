package io.jenkins.plugins.cd4ml.registry.embedded;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.ArtifactRef;
import io.jenkins.plugins.cd4ml.registry.ArtifactSource;
import io.jenkins.plugins.cd4ml.registry.AuditEntry;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.AuditReplay;
import io.jenkins.plugins.cd4ml.registry.DeploymentRecord;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Names;
import io.jenkins.plugins.cd4ml.registry.NotFoundException;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.RegistryException;
import io.jenkins.plugins.cd4ml.registry.embedded.WriteHook.WritePoint;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The default registry: a plain directory, no server. Safe for many processes at once (CLI runs,
 * a Jenkins controller) on one machine's file system.
 *
 * <pre>
 * STORE/cd4ml-registry.json                      marker: this directory is a registry store
 * STORE/blobs/sha256/ab/ab12…                    artifacts, content-addressed, immutable
 * STORE/models/NAME/.lock                        one writer per model at a time (file lock)
 * STORE/models/NAME/versions/N/version.json      the immutable version record
 * STORE/models/NAME/index.jsonl                  all version records, one per line (fast listing)
 * STORE/models/NAME/audit.jsonl                  append-only log: registrations, approvals, aliases, deployments
 * </pre>
 *
 * <p>How the guarantees hold: a writer stores blobs (temporary file, then rename to the digest's
 * name), takes the model's file lock, picks {@code max(version)+1}, writes the version directory
 * in {@code .staging/} and renames it into {@code versions/} in one atomic step, then appends to
 * the index and the audit log. A killed writer leaves at most an unreferenced blob, a staging
 * directory (removed by the next writer) or a torn last log line (ignored by readers, cut by the
 * next writer); the index is reconciled with {@code versions/} on every read and write.
 */
public final class EmbeddedModelRegistry implements ModelRegistry {
    static final String MARKER = "cd4ml-registry.json";
    private static final Set<String> OWN_ENTRIES = Set.of(MARKER, "blobs", "models", ".tmp");
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader VERSION = Json.mapper().readerFor(ModelVersion.class);
    private static final int BLOB_WRITERS = 8;
    private static final Pattern INDEXED_VERSION = Pattern.compile("^\\{\"name\":\"[^\"]*\",\"version\":(\\d+)");
    private static final String REGISTER_ACTION = "\"action\":\"REGISTER\"";
    private static final ObjectReader ENTRY = Json.mapper().readerFor(AuditEntry.class);

    private final Path root;
    private final Clock clock;
    private final WriteHook hook;
    private final BlobStore blobs;
    private ExecutorService writers;

    EmbeddedModelRegistry(Path root, Clock clock, WriteHook hook) {
        this.root = root;
        this.clock = clock;
        this.hook = hook;
        this.blobs = new BlobStore(root, hook);
    }

    /**
     * Opens a store, creating it when the directory is missing or empty. A non-empty directory that
     * is not a store is refused, so nothing the user keeps there is touched.
     *
     * @param root the store directory
     * @return the registry
     * @throws InvalidInputException if the directory is a file or holds foreign files
     * @throws IOException if it cannot be created
     */
    public static EmbeddedModelRegistry open(Path root) throws InvalidInputException, IOException {
        return open(root, Clock.systemUTC(), WriteHook.NONE);
    }

    static EmbeddedModelRegistry open(Path root, Clock clock, WriteHook hook)
            throws InvalidInputException, IOException {
        Path dir = root.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException(SourceLocation.ofFile(root.toString()),
                    "is a file (expected a registry store directory)");
        }
        if (!Files.exists(dir.resolve(MARKER))) {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                List<String> foreign = entries.map(p -> p.getFileName().toString())
                        .filter(name -> !OWN_ENTRIES.contains(name)).sorted().toList();
                if (!foreign.isEmpty()) {
                    throw new InvalidInputException(SourceLocation.ofFile(root.toString()),
                            "is not a cd4ml registry store (no " + MARKER + ") and is not empty (holds "
                                    + foreign.get(0) + "); refusing to write into it (expected an empty or"
                                    + " new directory)");
                }
            }
            String marker = "{\"schemaVersion\":\"" + Json.SCHEMA_VERSION + "\",\"layout\":1}\n";
            AtomicFiles.replace(dir.resolve(MARKER), marker.getBytes(StandardCharsets.UTF_8), dir.resolve(".tmp"));
        }
        return new EmbeddedModelRegistry(dir, clock, hook);
    }

    /** @return the store directory */
    public Path root() {
        return root;
    }

    @Override
    public String backend() {
        return "embedded";
    }

    @Override
    public ModelVersion register(Registration registration) throws InvalidInputException, IOException {
        for (ArtifactSource source : registration.artifacts()) {
            if (!Files.isRegularFile(source.file()) || !Files.isReadable(source.file())) {
                throw new InvalidInputException(SourceLocation.ofFile(source.file().toString()),
                        "artifact not found or not readable (expected a regular file)");
            }
        }
        List<ArtifactRef> artifacts = storeBlobs(registration.artifacts());
        hook.reached(WritePoint.BLOBS_STORED);
        ModelDir model = model(registration.model());
        Files.createDirectories(model.versions());
        try (ModelLock lock = ModelLock.acquire(model.dir().resolve(".lock"))) {
            deleteStaging(model);
            Optional<ModelVersion> same = findByToken(model, registration.clientToken());
            if (same.isPresent()) {
                return withState(model, same.get());
            }
            int number = publishedVersions(model).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            ModelVersion version = ModelVersion.of(registration, number, now(), artifacts);
            hook.reached(WritePoint.LOCKED);
            Path staged = model.staging().resolve(UUID.randomUUID().toString());
            Files.createDirectories(staged);
            AtomicFiles.write(staged.resolve("version.json"), Json.mapper().writeValueAsBytes(version));
            hook.reached(WritePoint.VERSION_STAGED);
            AtomicFiles.move(staged, model.versions().resolve(Integer.toString(number)));
            AtomicFiles.forceDirectory(model.versions());
            hook.reached(WritePoint.PUBLISHED);
            // the index is a cache and the REGISTER entry repeats version.json: neither needs its own fsync
            AtomicFiles.appendLine(model.index(), LINE.writeValueAsString(version), hook, WritePoint.INDEX_TORN,
                    false);
            AtomicFiles.appendLine(model.audit(), LINE.writeValueAsString(new AuditEntry(new AuditEvent(
                    version.name(), AuditEvent.Action.REGISTER, Integer.toString(number), "",
                    version.approval().status().name(), version.registeredBy(), version.registeredAt(),
                    registration.description()), null)), hook, WritePoint.AUDIT_TORN, false);
            hook.reached(WritePoint.INDEXED);
            return version;
        }
    }

    @Override
    public List<String> listModels() throws IOException {
        Path models = root.resolve("models");
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(models)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(models)) {
                for (Path dir : dirs) {
                    if (Files.isDirectory(dir.resolve("versions"))) {
                        names.add(dir.getFileName().toString());
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public List<ModelVersion> listVersions(String model) throws IOException {
        ModelDir dir = existing(model);
        AuditReplay state = state(dir);
        List<ModelVersion> result = new ArrayList<>();
        for (ModelVersion version : readVersions(dir).values()) {
            result.add(version.withState(state.of(version.version())));
        }
        return result;
    }

    @Override
    public Optional<ModelVersion> getVersion(String model, int version) throws IOException {
        Optional<ModelDir> dir = find(model);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelVersion> read = readVersion(dir.get(), version);
        return read.isEmpty() ? read : Optional.of(withState(dir.get(), read.get()));
    }

    @Override
    public ModelVersion setApproval(String model, int version, Approval decision) throws IOException {
        ModelDir dir = existing(model);
        try (ModelLock lock = ModelLock.acquire(dir.dir().resolve(".lock"))) {
            ModelVersion current = withState(dir, readVersion(dir, version)
                    .orElseThrow(() -> notFound(model, version)));
            appendAudit(dir, new AuditEntry(new AuditEvent(model, AuditEvent.Action.APPROVAL,
                    Integer.toString(version), current.approval().status().name(), decision.status().name(),
                    decision.by(), decision.at(), decision.reason()), null));
            return withState(dir, current);
        }
    }

    @Override
    public AuditEvent setAlias(String model, String alias, int version, String by, String reason)
            throws IOException {
        Names.requireAlias(alias);
        ModelDir dir = existing(model);
        try (ModelLock lock = ModelLock.acquire(dir.dir().resolve(".lock"))) {
            readVersion(dir, version).orElseThrow(() -> notFound(model, version));
            String from = state(dir).alias(alias).map(String::valueOf).orElse("");
            AuditEvent event = new AuditEvent(model, AuditEvent.Action.ALIAS, alias, from,
                    Integer.toString(version), by, now(), reason);
            // the move is this one appended line: readers see the old or the new target, never neither
            appendAudit(dir, new AuditEntry(event, null));
            return event;
        }
    }

    @Override
    public Map<String, Integer> aliases(String model) throws IOException {
        return state(existing(model)).aliases();
    }

    @Override
    public void recordDeployment(String model, int version, DeploymentRecord deployment) throws IOException {
        ModelDir dir = existing(model);
        try (ModelLock lock = ModelLock.acquire(dir.dir().resolve(".lock"))) {
            readVersion(dir, version).orElseThrow(() -> notFound(model, version));
            appendAudit(dir, new AuditEntry(new AuditEvent(model, AuditEvent.Action.DEPLOYMENT,
                    Integer.toString(version), "", deployment.environment(), deployment.by(), deployment.at(),
                    deployment.outcome()), deployment));
        }
    }

    @Override
    public List<AuditEvent> auditLog(String model) throws IOException {
        return state(existing(model), true).events();
    }

    @Override
    public InputStream openArtifact(String model, int version, String path) throws IOException {
        ModelVersion found = getVersion(model, version).orElseThrow(() -> notFound(model, version));
        ArtifactRef artifact = found.artifact(path)
                .orElseThrow(() -> new NotFoundException("version " + model + " v" + version
                        + " has no artifact '" + path + "'"));
        return Files.newInputStream(blobs.pathOf(artifact.digest()));
    }

    /**
     * @param digest an artifact digest
     * @return the blob file holding that content (for callers that need a path, e.g. a deployer)
     */
    public Path blobPath(String digest) {
        return blobs.pathOf(digest);
    }

    private Instant now() {
        return clock.instant();
    }

    private ModelDir model(String name) {
        return new ModelDir(root.resolve("models").resolve(Names.requireModelName(name)));
    }

    private Optional<ModelDir> find(String name) {
        ModelDir dir = model(name);
        return Files.isDirectory(dir.versions()) ? Optional.of(dir) : Optional.empty();
    }

    private ModelDir existing(String name) throws NotFoundException {
        return find(name).orElseThrow(() -> new NotFoundException("unknown model '" + name + "'"));
    }

    private static NotFoundException notFound(String model, int version) {
        return new NotFoundException("unknown version " + model + " v" + version);
    }

    private ModelVersion withState(ModelDir dir, ModelVersion version) throws IOException {
        return version.withState(state(dir).of(version.version()));
    }

    /** The model's state; REGISTER entries change no state, so they are skipped unless the log itself is wanted. */
    private AuditReplay state(ModelDir dir, boolean withRegistrations) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        for (String line : AtomicFiles.readCompleteLines(dir.audit())) {
            if (withRegistrations || !line.contains(REGISTER_ACTION)) {
                entries.add(ENTRY.readValue(line));
            }
        }
        return new AuditReplay(entries);
    }

    private AuditReplay state(ModelDir dir) throws IOException {
        return state(dir, false);
    }

    private void appendAudit(ModelDir dir, AuditEntry entry) throws IOException {
        AtomicFiles.appendLine(dir.audit(), LINE.writeValueAsString(entry), hook, WritePoint.AUDIT_TORN, true);
    }

    /** Stores the artifacts in parallel: concurrent fsyncs share the file system's journal commits. */
    private List<ArtifactRef> storeBlobs(List<ArtifactSource> sources) throws IOException {
        List<Future<BlobStore.Stored>> pending = new ArrayList<>();
        for (ArtifactSource source : sources) {
            pending.add(writers().submit(() -> blobs.put(source.file())));
        }
        List<ArtifactRef> artifacts = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            BlobStore.Stored stored = await(pending.get(i));
            artifacts.add(new ArtifactRef(sources.get(i).path(), stored.digest(), stored.size(), stored.location()));
        }
        return artifacts;
    }

    private static BlobStore.Stored await(Future<BlobStore.Stored> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while storing artifacts");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new RegistryException("could not store an artifact", e.getCause());
        }
    }

    private synchronized ExecutorService writers() {
        if (writers == null) {
            writers = Executors.newFixedThreadPool(BLOB_WRITERS, runnable -> {
                Thread thread = new Thread(runnable, "cd4ml-registry-blob-writer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return writers;
    }

    @Override
    public synchronized void close() {
        if (writers != null) {
            writers.shutdown();
            writers = null;
        }
    }

    /** Finds a version by idempotency token without parsing every index line. */
    private Optional<ModelVersion> findByToken(ModelDir dir, String token) throws IOException {
        String needle = "\"clientToken\":" + LINE.writeValueAsString(token);
        Set<Integer> indexed = new HashSet<>();
        for (String line : AtomicFiles.readCompleteLines(dir.index())) {
            if (line.contains(needle)) {
                ModelVersion version = VERSION.readValue(line);
                if (version.clientToken().equals(token)) {
                    return Optional.of(version);
                }
            }
            indexed.add(indexedVersion(line));
        }
        for (int number : publishedVersions(dir)) {
            if (!indexed.contains(number)) {
                Optional<ModelVersion> version = readVersion(dir, number);
                if (version.isPresent() && version.get().clientToken().equals(token)) {
                    return version;
                }
            }
        }
        return Optional.empty();
    }

    /** The version number of an index line, read from its start (the writer puts it there). */
    private static int indexedVersion(String line) {
        Matcher matcher = INDEXED_VERSION.matcher(line);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static List<Integer> publishedVersions(ModelDir dir) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.versions())) {
            for (Path entry : entries) {
                int number = parseVersion(entry.getFileName().toString());
                if (number > 0) {
                    numbers.add(number);
                }
            }
        }
        return numbers;
    }

    private Optional<ModelVersion> readVersion(ModelDir dir, int version) throws IOException {
        Path file = dir.versions().resolve(Integer.toString(version)).resolve("version.json");
        if (version < 1 || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(VERSION.readValue(file.toFile()));
    }

    /**
     * The published versions: the directory listing is the truth, the index saves parsing one
     * file per version. Versions the index lacks (a writer killed after publishing) are read directly.
     */
    private Map<Integer, ModelVersion> readVersions(ModelDir dir) throws IOException {
        TreeMap<Integer, ModelVersion> versions = new TreeMap<>();
        Map<Integer, ModelVersion> indexed = new TreeMap<>();
        for (String line : AtomicFiles.readCompleteLines(dir.index())) {
            ModelVersion version = VERSION.readValue(line);
            indexed.put(version.version(), version);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.versions())) {
            for (Path entry : entries) {
                int number = parseVersion(entry.getFileName().toString());
                if (number > 0) {
                    ModelVersion version = indexed.get(number);
                    versions.put(number, version != null ? version : readVersion(dir, number)
                            .orElseThrow(() -> new RegistryException("version directory without version.json: "
                                    + entry)));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return versions;
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Removes staging directories of writers that died; called under the model lock. */
    private static void deleteStaging(ModelDir dir) throws IOException {
        if (!Files.isDirectory(dir.staging())) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir.staging())) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (!path.equals(dir.staging())) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The files of one model. */
    private record ModelDir(Path dir) {
        Path versions() {
            return dir.resolve("versions");
        }

        Path staging() {
            return dir.resolve(".staging");
        }

        Path index() {
            return dir.resolve("index.jsonl");
        }

        Path audit() {
            return dir.resolve("audit.jsonl");
        }
    }
}

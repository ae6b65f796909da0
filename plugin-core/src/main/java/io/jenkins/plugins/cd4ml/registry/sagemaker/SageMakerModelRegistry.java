package io.jenkins.plugins.cd4ml.registry.sagemaker;

import com.fasterxml.jackson.databind.ObjectReader;
import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
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
import io.jenkins.plugins.cd4ml.registry.VersionRecord;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageGroupResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.MetadataProperties;
import software.amazon.awssdk.services.sagemaker.model.MetricsSource;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelMetrics;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageType;
import software.amazon.awssdk.services.sagemaker.model.ModelQuality;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * SageMaker Model Registry as a {@link ModelRegistry}: a registered model is a model package
 * group, a version a model package (SageMaker numbers them), approval its
 * {@code ModelApprovalStatus}. Artifacts go to S3 content-addressed
 * ({@code s3://BUCKET/PREFIX/blobs/sha256/…}); the lineage SageMaker has no field for is one
 * immutable JSON object per registration; aliases are tags {@code cd4ml:alias:NAME} on the group
 * (one {@code AddTags} call moves one atomically); the audit log is one S3 object per event.
 *
 * <p>Retries: the SDK retries throttling, 5xx and time-outs with bounded exponential backoff
 * ({@link AwsConnection.RetryPolicy}); {@code CreateModelPackage} carries a {@code ClientToken}
 * derived from the registration's token, so a retried create never makes a second version.
 */
public final class SageMakerModelRegistry implements ModelRegistry {
    static final String ALIAS_TAG = "cd4ml:alias:";
    static final String RECORD_KEY = "cd4ml:record";
    static final String APPROVED_BY = "cd4ml:approvedBy";
    static final String APPROVED_AT = "cd4ml:approvedAt";
    private static final ObjectReader RECORD = Json.mapper().readerFor(VersionRecord.class);
    private static final ObjectReader ENTRY = Json.mapper().readerFor(AuditEntry.class);

    private final SageMakerClient sageMaker;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Clock clock;
    private final boolean ownsClients;
    private final Map<String, String> groupArns = new ConcurrentHashMap<>();
    private final Map<String, VersionRecord> records = new ConcurrentHashMap<>();

    SageMakerModelRegistry(SageMakerClient sageMaker, S3Client s3, String bucket, String prefix, Clock clock,
            boolean ownsClients) {
        this.sageMaker = sageMaker;
        this.s3 = s3;
        this.bucket = Names.requireText(bucket, "S3 bucket");
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        this.clock = clock;
        this.ownsClients = ownsClients;
    }

    /**
     * @param connection region, credentials (resolved by the caller), endpoints, retries
     * @param bucket the S3 bucket for artifacts, records and the audit log
     * @param prefix a key prefix inside the bucket (may be empty)
     * @return a registry that owns (and closes) its clients
     */
    public static SageMakerModelRegistry connect(AwsConnection connection, String bucket, String prefix) {
        return new SageMakerModelRegistry(AwsClients.sageMaker(connection), AwsClients.s3(connection), bucket,
                prefix, Clock.systemUTC(), true);
    }

    /**
     * @param sageMaker a configured client (not closed by the registry)
     * @param s3 a configured client (not closed by the registry)
     * @param bucket the S3 bucket
     * @param prefix a key prefix (may be empty)
     * @return a registry over existing clients
     */
    public static SageMakerModelRegistry of(SageMakerClient sageMaker, S3Client s3, String bucket, String prefix) {
        return new SageMakerModelRegistry(sageMaker, s3, bucket, prefix, Clock.systemUTC(), false);
    }

    @Override
    public String backend() {
        return "sagemaker";
    }

    @Override
    public ModelVersion register(Registration registration) throws InvalidInputException, IOException {
        for (ArtifactSource source : registration.artifacts()) {
            if (!Files.isRegularFile(source.file()) || !Files.isReadable(source.file())) {
                throw new InvalidInputException(SourceLocation.ofFile(source.file().toString()),
                        "artifact not found or not readable (expected a regular file)");
            }
        }
        try {
            String model = registration.model();
            String groupArn = ensureGroup(model);
            List<ArtifactRef> artifacts = new ArrayList<>();
            for (ArtifactSource source : registration.artifacts()) {
                String digest = ContentDigest.sha256(source.file());
                String key = blobKey(digest);
                if (!exists(key)) {
                    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(source.file()));
                }
                artifacts.add(new ArtifactRef(source.path(), digest, Files.size(source.file()), uri(key)));
            }
            String token = idempotencyToken(model, registration.clientToken());
            VersionRecord record = VersionRecord.of(registration, artifacts);
            String recordKey = key("models/" + model + "/records/" + token + ".json");
            if (!exists(recordKey)) {
                s3.putObject(b -> b.bucket(bucket).key(recordKey).contentType("application/json"),
                        RequestBody.fromBytes(Json.mapper().writeValueAsBytes(record)));
            }
            Optional<ModelMetrics> metrics = metrics(registration);
            String arn = sageMaker.createModelPackage(b -> {
                b.modelPackageGroupName(model).clientToken(token)
                        .modelPackageDescription(truncate(registration.description(), 1024))
                        .modelApprovalStatus(toSageMaker(registration.initialStatus()))
                        .customerMetadataProperties(Map.of(RECORD_KEY, recordKey))
                        .metadataProperties(metadata(registration));
                metrics.ifPresent(b::modelMetrics);
            }).modelPackageArn();
            ModelVersion version = toVersion(model, describe(arn), Map.of(), new AuditReplay(List.of()));
            audit(model, new AuditEntry(new AuditEvent(model, AuditEvent.Action.REGISTER,
                    Integer.toString(version.version()), "", version.approval().status().name(),
                    registration.registeredBy(), version.registeredAt(), registration.description()), null));
            return toVersion(model, describe(arn), aliasTags(groupArn), auditReplay(model));
        } catch (SdkException e) {
            throw failure("register " + registration.model(), e);
        }
    }

    @Override
    public List<String> listModels() throws IOException {
        try {
            List<String> names = new ArrayList<>();
            sageMaker.listModelPackageGroupsPaginator(b -> b.maxResults(100))
                    .modelPackageGroupSummaryList().forEach(g -> names.add(g.modelPackageGroupName()));
            names.sort(null);
            return names;
        } catch (SdkException e) {
            throw failure("list model package groups", e);
        }
    }

    @Override
    public List<ModelVersion> listVersions(String model) throws IOException {
        try {
            String groupArn = groupArn(model).orElseThrow(() -> new NotFoundException("unknown model '" + model
                    + "'"));
            Map<String, Integer> aliases = aliasTags(groupArn);
            AuditReplay replay = auditReplay(model);
            List<ModelVersion> versions = new ArrayList<>();
            for (ModelPackageSummary summary : summaries(model)) {
                versions.add(toVersion(model, describe(summary.modelPackageArn()), aliases, replay));
            }
            versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
            return versions;
        } catch (SdkException e) {
            throw failure("list versions of " + model, e);
        }
    }

    @Override
    public Optional<ModelVersion> getVersion(String model, int version) throws IOException {
        try {
            Optional<String> groupArn = groupArn(model);
            if (groupArn.isEmpty() || version < 1) {
                return Optional.empty();
            }
            Optional<DescribeModelPackageResponse> described = describeVersion(groupArn.get(), version);
            if (described.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(toVersion(model, described.get(), aliasTags(groupArn.get()), auditReplay(model)));
        } catch (SdkException e) {
            throw failure("get " + model + " v" + version, e);
        }
    }

    @Override
    public ModelVersion setApproval(String model, int version, Approval decision) throws IOException {
        try {
            String groupArn = groupArn(model).orElseThrow(() -> new NotFoundException("unknown model '" + model
                    + "'"));
            DescribeModelPackageResponse current = describeVersion(groupArn, version)
                    .orElseThrow(() -> new NotFoundException("unknown version " + model + " v" + version));
            sageMaker.updateModelPackage(b -> b.modelPackageArn(current.modelPackageArn())
                    .modelApprovalStatus(toSageMaker(decision.status()))
                    .approvalDescription(truncate(decision.reason(), 1024))
                    .customerMetadataProperties(Map.of(APPROVED_BY, decision.by(), APPROVED_AT,
                            decision.at().toString())));
            audit(model, new AuditEntry(new AuditEvent(model, AuditEvent.Action.APPROVAL, Integer.toString(version),
                    fromSageMaker(current.modelApprovalStatus()).name(), decision.status().name(), decision.by(), decision.at(),
                    decision.reason()), null));
            return toVersion(model, describe(current.modelPackageArn()), aliasTags(groupArn), auditReplay(model));
        } catch (SdkException e) {
            throw failure("set approval of " + model + " v" + version, e);
        }
    }

    @Override
    public AuditEvent setAlias(String model, String alias, int version, String by, String reason)
            throws IOException {
        Names.requireAlias(alias);
        try {
            String groupArn = groupArn(model).orElseThrow(() -> new NotFoundException("unknown model '" + model
                    + "'"));
            describeVersion(groupArn, version)
                    .orElseThrow(() -> new NotFoundException("unknown version " + model + " v" + version));
            Integer from = aliasTags(groupArn).get(alias);
            sageMaker.addTags(b -> b.resourceArn(groupArn)
                    .tags(Tag.builder().key(ALIAS_TAG + alias).value(Integer.toString(version)).build()));
            AuditEvent event = new AuditEvent(model, AuditEvent.Action.ALIAS, alias,
                    from == null ? "" : from.toString(), Integer.toString(version), by, clock.instant(), reason);
            audit(model, new AuditEntry(event, null));
            return event;
        } catch (SdkException e) {
            throw failure("set alias " + alias + " of " + model, e);
        }
    }

    @Override
    public Map<String, Integer> aliases(String model) throws IOException {
        try {
            return aliasTags(groupArn(model).orElseThrow(() -> new NotFoundException("unknown model '" + model
                    + "'")));
        } catch (SdkException e) {
            throw failure("list aliases of " + model, e);
        }
    }

    @Override
    public void recordDeployment(String model, int version, DeploymentRecord deployment) throws IOException {
        requireVersion(model, version);
        try {
            audit(model, new AuditEntry(new AuditEvent(model, AuditEvent.Action.DEPLOYMENT,
                    Integer.toString(version), "", deployment.environment(), deployment.by(), deployment.at(),
                    deployment.outcome()), deployment));
        } catch (SdkException e) {
            throw failure("record deployment of " + model + " v" + version, e);
        }
    }

    @Override
    public List<AuditEvent> auditLog(String model) throws IOException {
        try {
            if (groupArn(model).isEmpty()) {
                throw new NotFoundException("unknown model '" + model + "'");
            }
            return auditReplay(model).events();
        } catch (SdkException e) {
            throw failure("read the audit log of " + model, e);
        }
    }

    @Override
    public InputStream openArtifact(String model, int version, String path) throws IOException {
        ModelVersion found = requireVersion(model, version);
        ArtifactRef artifact = found.artifact(path).orElseThrow(() -> new NotFoundException("version " + model
                + " v" + version + " has no artifact '" + path + "'"));
        try {
            return s3.getObject(b -> b.bucket(bucket).key(blobKey(artifact.digest())));
        } catch (SdkException e) {
            throw failure("read " + artifact.location(), e);
        }
    }

    @Override
    public void close() {
        if (ownsClients) {
            sageMaker.close();
            s3.close();
        }
    }

    private String ensureGroup(String model) {
        Optional<String> arn = groupArn(model);
        if (arn.isPresent()) {
            return arn.get();
        }
        try {
            String created = sageMaker.createModelPackageGroup(b -> b.modelPackageGroupName(model)
                    .modelPackageGroupDescription("Registered by cd4ml")).modelPackageGroupArn();
            groupArns.put(model, created);
            return created;
        } catch (SageMakerException e) {
            // another registrar created it first
            return groupArn(model).orElseThrow(() -> e);
        }
    }

    private Optional<String> groupArn(String model) {
        Names.requireModelName(model);
        String cached = groupArns.get(model);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            DescribeModelPackageGroupResponse group = sageMaker.describeModelPackageGroup(b ->
                    b.modelPackageGroupName(model));
            groupArns.put(model, group.modelPackageGroupArn());
            return Optional.of(group.modelPackageGroupArn());
        } catch (SageMakerException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<ModelPackageSummary> summaries(String model) {
        List<ModelPackageSummary> summaries = new ArrayList<>();
        sageMaker.listModelPackagesPaginator(b -> b.modelPackageGroupName(model)
                .modelPackageType(ModelPackageType.VERSIONED).sortOrder(SortOrder.ASCENDING).maxResults(100))
                .modelPackageSummaryList().forEach(summaries::add);
        return summaries;
    }

    private Optional<DescribeModelPackageResponse> describeVersion(String groupArn, int version) {
        // arn:aws:sagemaker:REGION:ACCOUNT:model-package-group/NAME -> …:model-package/NAME/VERSION
        String arn = groupArn.replace(":model-package-group/", ":model-package/") + "/" + version;
        try {
            return Optional.of(describe(arn));
        } catch (SageMakerException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private DescribeModelPackageResponse describe(String arn) {
        return sageMaker.describeModelPackage(b -> b.modelPackageName(arn));
    }

    private Map<String, Integer> aliasTags(String groupArn) {
        Map<String, Integer> aliases = new TreeMap<>();
        sageMaker.listTagsPaginator(b -> b.resourceArn(groupArn)).tags().forEach(tag -> {
            if (tag.key().startsWith(ALIAS_TAG)) {
                aliases.put(tag.key().substring(ALIAS_TAG.length()), Integer.parseInt(tag.value()));
            }
        });
        return aliases;
    }

    private ModelVersion toVersion(String model, DescribeModelPackageResponse p, Map<String, Integer> aliases,
            AuditReplay replay) throws IOException {
        String recordKey = p.customerMetadataProperties().get(RECORD_KEY);
        if (recordKey == null) {
            throw new RegistryException(p.modelPackageArn() + " was not registered by cd4ml (no " + RECORD_KEY
                    + " metadata)");
        }
        VersionRecord record = record(recordKey);
        Map<String, String> custom = p.customerMetadataProperties();
        Instant created = p.creationTime() == null ? clock.instant() : p.creationTime();
        String by = custom.getOrDefault(APPROVED_BY, record.registeredBy());
        Instant at = custom.containsKey(APPROVED_AT) ? Instant.parse(custom.get(APPROVED_AT)) : created;
        String reason = p.approvalDescription() == null ? (custom.containsKey(APPROVED_BY) ? "" : "registered")
                : p.approvalDescription();
        Approval approval = new Approval(fromSageMaker(p.modelApprovalStatus()), by, at, reason);
        int number = p.modelPackageVersion();
        List<String> names = new ArrayList<>();
        aliases.forEach((alias, target) -> {
            if (target == number) {
                names.add(alias);
            }
        });
        return record.toVersion(model, number, created, approval, names, replay.of(number).deployments());
    }

    private VersionRecord record(String key) throws IOException {
        VersionRecord cached = records.get(key);
        if (cached != null) {
            return cached;
        }
        VersionRecord read = RECORD.readValue(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        records.put(key, read);
        return read;
    }

    private void audit(String model, AuditEntry entry) throws IOException {
        // keys sort by time, so listing returns the log in order
        String key = key(String.format("models/%s/audit/%013d-%s.json", model,
                entry.event().at().toEpochMilli(), UUID.randomUUID()));
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(Json.mapper().writeValueAsBytes(entry)));
    }

    private AuditReplay auditReplay(String model) throws IOException {
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key("models/" + model + "/audit/")))
                .contents().forEach(objects::add);
        objects.sort((a, b) -> a.key().compareTo(b.key()));
        List<AuditEntry> entries = new ArrayList<>();
        for (S3Object object : objects) {
            entries.add(ENTRY.readValue(s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asByteArray()));
        }
        return new AuditReplay(entries);
    }

    private Optional<ModelMetrics> metrics(Registration registration) throws IOException {
        if (registration.metrics().isEmpty()) {
            return Optional.empty();
        }
        byte[] statistics = Json.mapper().writeValueAsBytes(Map.of("schemaVersion", Json.SCHEMA_VERSION,
                "metrics", registration.metrics()));
        String key = blobKey(ContentDigest.sha256(statistics));
        if (!exists(key)) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
                    RequestBody.fromBytes(statistics));
        }
        return Optional.of(ModelMetrics.builder().modelQuality(ModelQuality.builder()
                .statistics(MetricsSource.builder().contentType("application/json").s3Uri(uri(key)).build())
                .build()).build());
    }

    private static MetadataProperties metadata(Registration registration) {
        var provenance = registration.provenance();
        MetadataProperties.Builder metadata = MetadataProperties.builder();
        if (!provenance.codeRevision().isEmpty()) {
            metadata.commitId(truncate(provenance.codeRevision(), 1024));
        }
        if (!provenance.build().url().isEmpty()) {
            metadata.generatedBy(truncate(provenance.build().url(), 1024));
        }
        return metadata.build();
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** SageMaker's ClientToken allows 1–36 of [a-zA-Z0-9-]: derive it from model and caller token. */
    static String idempotencyToken(String model, String clientToken) {
        return ContentDigest.hex(ContentDigest.sha256((model + "\n" + clientToken).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 36);
    }

    static ModelApprovalStatus toSageMaker(ApprovalStatus status) {
        return switch (status) {
            case APPROVED -> ModelApprovalStatus.APPROVED;
            case REJECTED -> ModelApprovalStatus.REJECTED;
            case PENDING_MANUAL_APPROVAL -> ModelApprovalStatus.PENDING_MANUAL_APPROVAL;
        };
    }

    static ApprovalStatus fromSageMaker(ModelApprovalStatus status) {
        if (status == null) {
            return ApprovalStatus.PENDING_MANUAL_APPROVAL;
        }
        return switch (status) {
            case APPROVED -> ApprovalStatus.APPROVED;
            case REJECTED -> ApprovalStatus.REJECTED;
            default -> ApprovalStatus.PENDING_MANUAL_APPROVAL;
        };
    }

    private static boolean isMissing(SageMakerException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
        return "ResourceNotFound".equals(code)
                || "ValidationException".equals(code) && message.toLowerCase(java.util.Locale.ROOT)
                        .contains("does not exist");
    }

    private String blobKey(String digest) {
        String hex = ContentDigest.hex(digest);
        return key("blobs/sha256/" + hex.substring(0, 2) + "/" + hex);
    }

    private String key(String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }

    private String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static RegistryException failure(String what, SdkException e) {
        return new RegistryException("SageMaker registry: could not " + what + ": " + e.getMessage(), e);
    }
}

package io.jenkins.plugins.cd4ml.aws;

import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The AWS identity cd4ml acts as, shared by deployment (SageMaker targets) and SageMaker training:
 * stored access keys, or the process's default chain when there are none, then optionally an IAM
 * role assumed through STS under a deterministic session name (so CloudTrail shows which
 * environment or build acted). {@link #toString()} names no key.
 *
 * <p>The role is assumed once by {@link #open}, so a role that cannot be assumed is reported
 * before any other AWS call; afterwards the provider refreshes the session itself during long
 * waits (and stored session keys can be read again, see {@link #open(StoredCredential.AwsKeys,
 * KeySource, Duration, Optional)}). {@link #close()} releases the STS client and the default chain.
 */
public final class AwsIdentity implements AwsCredentialsProvider, AutoCloseable {
    /** Session length asked for; the provider refreshes before it ends. */
    public static final int SESSION_SECONDS = 3600;

    /** STS's limit for role session names. */
    static final int MAX_SESSION_NAME = 64;
    private static final int HASH = 8;
    private static final Pattern NOT_IN_SESSION_NAME = Pattern.compile("[^\\w+=,.@-]+");

    private final AwsCredentialsProvider provider;
    private final List<AutoCloseable> resources;

    private AwsIdentity(AwsCredentialsProvider provider, List<AutoCloseable> resources) {
        this.provider = provider;
        this.resources = List.copyOf(resources);
    }

    /**
     * An IAM role to assume.
     *
     * @param arn the role's ARN
     * @param sessionName the role session name, already in STS's pattern (see {@link AwsIdentity#sessionName})
     * @param region the region whose STS endpoint is asked
     * @param stsEndpoint an STS endpoint override (tests, VPC endpoints), or empty
     * @param externalId the external ID the role's trust policy asks for (a role in another party's account), or
     *     empty; never shown by {@link #toString()}
     */
    public record Role(String arn, String sessionName, Region region, Optional<URI> stsEndpoint,
            Optional<String> externalId) {
        /** Validates. */
        public Role {
            Objects.requireNonNull(arn, "arn");
            Objects.requireNonNull(region, "region");
            if (!sessionName.equals(AwsIdentity.sessionName(sessionName))) {
                throw new IllegalArgumentException("not an STS role session name: " + sessionName);
            }
            stsEndpoint = stsEndpoint == null ? Optional.empty() : stsEndpoint;
            externalId = externalId == null ? Optional.empty() : externalId.filter(id -> !id.isBlank());
        }

        /**
         * A role without an external ID.
         *
         * @param arn the role's ARN
         * @param sessionName the role session name
         * @param region the region whose STS endpoint is asked
         * @param stsEndpoint an STS endpoint override, or empty
         */
        public Role(String arn, String sessionName, Region region, Optional<URI> stsEndpoint) {
            this(arn, sessionName, region, stsEndpoint, Optional.empty());
        }

        @Override
        public String toString() {
            return "Role[sessionName=" + sessionName + ", region=" + region + "]";
        }
    }

    /** STS refused the role (or could not be reached); the message is safe to show: no ARN, no key. */
    public static final class RoleRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RoleRefusedException(String reason, SdkException cause) {
            super(reason, cause);
        }
    }

    /** Reads access keys again, e.g. from the credentials store they came from. */
    @FunctionalInterface
    public interface KeySource {
        /**
         * @return the current keys
         * @throws IOException when they cannot be read; the message names no secret (it is shown to users)
         */
        StoredCredential.AwsKeys read() throws IOException;
    }

    /**
     * @param keys the access keys to act with, or empty for the process's default AWS credentials chain
     * @param role a role to assume with them, or empty
     * @return the identity; close it when done
     * @throws RoleRefusedException when the role cannot be assumed
     */
    public static AwsIdentity open(Optional<StoredCredential.AwsKeys> keys, Optional<Role> role)
            throws RoleRefusedException {
        List<AutoCloseable> resources = new ArrayList<>();
        AwsCredentialsProvider base;
        if (keys.isPresent()) {
            base = StaticCredentialsProvider.create(toSdk(keys.get()));
        } else {
            DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
            resources.add(chain);
            base = chain;
        }
        return withRole(base, resources, role);
    }

    /**
     * Like {@link #open(Optional, Optional)}, for keys that must last longer than a session: long-term
     * keys are used as they are, while session keys (they carry a token and expire, e.g. those of an
     * aws-credentials credential with a role of its own) are read again from {@code source} once they
     * are older than {@code rereadAfter}, so an hours-long training job can be watched to its end.
     *
     * @param keys the keys as first read
     * @param source where to read them again
     * @param rereadAfter how long session keys are used before they are read again
     * @param role a role to assume with them, or empty
     * @return the identity; close it when done
     * @throws RoleRefusedException when the role cannot be assumed
     */
    public static AwsIdentity open(StoredCredential.AwsKeys keys, KeySource source, Duration rereadAfter,
            Optional<Role> role) throws RoleRefusedException {
        AwsCredentialsProvider base = keys.sessionToken() == null ? StaticCredentialsProvider.create(toSdk(keys))
                : new Rereading(keys, source, rereadAfter);
        return withRole(base, new ArrayList<>(), role);
    }

    /**
     * Acts as a named profile of the AWS shared config and credentials files ({@code ~/.aws/config},
     * {@code ~/.aws/credentials}, or where {@code AWS_CONFIG_FILE} / {@code AWS_SHARED_CREDENTIALS_FILE}
     * point), as the AWS CLI's {@code --profile} does, then optionally assumes a role with it.
     *
     * @param profile the profile name
     * @param role a role to assume with it, or empty
     * @return the identity; close it when done
     * @throws RoleRefusedException when the role cannot be assumed
     */
    public static AwsIdentity openProfile(String profile, Optional<Role> role) throws RoleRefusedException {
        ProfileCredentialsProvider named = ProfileCredentialsProvider.builder().profileName(profile).build();
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(named);
        return withRole(named, resources, role);
    }

    private static AwsIdentity withRole(AwsCredentialsProvider base, List<AutoCloseable> resources,
            Optional<Role> role) throws RoleRefusedException {
        return new AwsIdentity(role.isPresent() ? assume(role.get(), base, resources) : base, resources);
    }

    /**
     * A role session name in STS's pattern {@code [\w+=,.@-]{2,64}}: other characters become
     * {@code -}; a longer name is cut and ends in a short hash of the whole, so it stays unique.
     *
     * @param wanted the readable name, e.g. {@code cd4ml-train-team/churn#42}
     * @return the session name, the same for the same input
     */
    public static String sessionName(String wanted) {
        String name = NOT_IN_SESSION_NAME.matcher(wanted).replaceAll("-");
        if (name.length() < 2) {
            name = "cd4ml-" + name;
        }
        if (name.length() <= MAX_SESSION_NAME) {
            return name;
        }
        String hash = ContentDigest.hex(ContentDigest.sha256(wanted.getBytes(StandardCharsets.UTF_8)))
                .substring(0, HASH);
        return name.substring(0, MAX_SESSION_NAME - HASH - 1) + "-" + hash;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return provider.resolveCredentials();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    @Override
    public String toString() {
        return "AwsIdentity[" + provider.getClass().getSimpleName() + "]";
    }

    private static AwsCredentialsProvider assume(Role role, AwsCredentialsProvider base, List<AutoCloseable> resources)
            throws RoleRefusedException {
        StsClientBuilder builder = StsClient.builder().region(role.region()).credentialsProvider(base);
        role.stsEndpoint().ifPresent(builder::endpointOverride);
        StsClient sts = builder.build();
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> request.roleArn(role.arn()).roleSessionName(role.sessionName())
                        .durationSeconds(SESSION_SECONDS).externalId(role.externalId().orElse(null)))
                .build();
        resources.add(assumed);
        resources.add(sts);
        try {
            assumed.resolveCredentials();
        } catch (SdkException e) {
            closeAll(resources);
            throw new RoleRefusedException(describe(e), e);
        }
        return assumed;
    }

    /** Session keys, read again from their source once they are older than a limit. */
    private static final class Rereading implements AwsCredentialsProvider {
        private final KeySource source;
        private final long rereadAfterNanos;
        private AwsCredentials current;
        private long readAt;

        Rereading(StoredCredential.AwsKeys keys, KeySource source, Duration rereadAfter) {
            this.source = source;
            this.rereadAfterNanos = rereadAfter.toNanos();
            this.current = toSdk(keys);
            this.readAt = System.nanoTime();
        }

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            if (System.nanoTime() - readAt >= rereadAfterNanos) {
                try {
                    current = toSdk(source.read());
                } catch (IOException e) {
                    // the call that needed them fails with this message; the next one reads again
                    throw SdkClientException.create("the AWS credentials could not be read again: " + e.getMessage());
                }
                readAt = System.nanoTime();
            }
            return current;
        }
    }

    /** What went wrong, without the request's details (the role ARN, the caller's identity). */
    private static String describe(SdkException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")";
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static AwsCredentials toSdk(StoredCredential.AwsKeys keys) {
        return keys.sessionToken() == null ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken());
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing credential providers and clients: nothing to recover
            }
        }
    }
}

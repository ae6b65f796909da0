package io.jenkins.plugins.cd4ml.steps.deploy;

import com.amazonaws.auth.AWSCredentials;
import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** Jenkins credentials as the credentials plugins would return them, for look-ups in tests. */
final class TestCredentials {
    private TestCredentials() {
    }

    /** An aws-credentials "AWS Credentials" entry. */
    record Aws(String id, String accessKeyId, String secretAccessKey) implements AmazonWebServicesCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public String getDisplayName() {
            return accessKeyId;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create(accessKeyId, secretAccessKey);
        }

        @Override
        public AwsCredentials resolveCredentials(String mfaToken) {
            return resolveCredentials();
        }

        @Override
        @SuppressWarnings("removal")
        public AWSCredentials getCredentials(String mfaToken) {
            throw new UnsupportedOperationException("SDK v1 is not used");
        }

        @Override
        @SuppressWarnings("removal")
        public AWSCredentials getCredentials() {
            throw new UnsupportedOperationException("SDK v1 is not used");
        }

        @Override
        public void refresh() {
        }

        @Override
        public String toString() {
            return "Aws[" + id + "]";
        }
    }

    /** A plain-credentials "Secret file". */
    record File(String id, String fileName, String content) implements FileCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public String getFileName() {
            return fileName;
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A kind deployment cannot use (stands for an SSH key or a certificate). */
    record Certificate(String id) implements StandardCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }
    }
}

package io.jenkins.plugins.cd4ml.deploy.credentials;

/**
 * A credential as a credentials store holds it (in Jenkins: the credentials plugin), copied into
 * plain values so the deployment engine can use it without Jenkins types. The kinds mirror the
 * credential types Jenkins users have; {@link #toString()} of every kind prints no secret.
 */
public sealed interface StoredCredential {
    /** @return what kind of credential this is, for messages (never its value) */
    String kind();

    /**
     * AWS access keys (aws-credentials plugin's "AWS Credentials"; session keys when that credential
     * assumes a role itself).
     *
     * @param accessKeyId the access key ID
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token, or {@code null} for long-term keys
     */
    record AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken) implements StoredCredential {
        @Override
        public String kind() {
            return "AWS credentials";
        }

        @Override
        public String toString() {
            return "AwsKeys[****]";
        }
    }

    /**
     * A user name and password ("Username with password").
     *
     * @param username the user name
     * @param password the password
     */
    record UsernamePassword(String username, String password) implements StoredCredential {
        @Override
        public String kind() {
            return "Username with password";
        }

        @Override
        public String toString() {
            return "UsernamePassword[****]";
        }
    }

    /**
     * A secret string ("Secret text"), e.g. a Kubernetes service account token.
     *
     * @param secret the secret
     */
    record SecretText(String secret) implements StoredCredential {
        @Override
        public String kind() {
            return "Secret text";
        }

        @Override
        public String toString() {
            return "SecretText[****]";
        }
    }

    /**
     * A secret file ("Secret file"), e.g. a kubeconfig.
     *
     * @param fileName the file's name as uploaded
     * @param content its bytes
     */
    record SecretFile(String fileName, byte[] content) implements StoredCredential {
        /** Copies the content. */
        public SecretFile {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public String kind() {
            return "Secret file";
        }

        @Override
        public String toString() {
            return "SecretFile[****]";
        }
    }

    /**
     * A credential of a type deployment cannot use (an SSH key, a certificate…).
     *
     * @param kind the type's name
     */
    record Unusable(String kind) implements StoredCredential {
    }
}

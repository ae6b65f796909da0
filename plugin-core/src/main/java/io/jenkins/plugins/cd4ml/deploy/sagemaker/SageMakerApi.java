package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The few SageMaker operations deployment needs, spoken directly in SageMaker's JSON 1.1 protocol
 * ({@code POST /}, {@code X-Amz-Target: SageMaker.<Operation>}) and signed with the AWS SDK v2's
 * SigV4 signer and credential providers. (The SDK's {@code sagemaker} module is not available from
 * our package registry; the protocol for these calls is small and stable.)
 *
 * <p>Throttling, service errors and lost connections are retried with bounded exponential backoff
 * ({@value #MAX_ATTEMPTS} attempts, 0.2 s doubling to at most 5 s). Creates are therefore retried
 * too: callers treat "already existing" as success (their names are deterministic).
 */
public final class SageMakerApi {
    /** Attempts per call, the first included. */
    public static final int MAX_ATTEMPTS = 6;

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Set<String> UNSIGNABLE = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param endpoint the service endpoint, e.g. {@code https://api.sagemaker.eu-west-1.amazonaws.com}
     * @param region the signing region
     * @param credentials resolved by the caller (Jenkins credentials, an assumed role, the default chain)
     * @param sleeper waits between retries
     */
    public SageMakerApi(URI endpoint, String region, AwsCredentialsProvider credentials, Sleeper sleeper) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * @param region a region
     * @return SageMaker's public endpoint in the region
     */
    public static URI endpointOf(String region) {
        return URI.create("https://api.sagemaker." + region + ".amazonaws.com");
    }

    /**
     * Calls one operation.
     *
     * @param operation e.g. {@code DescribeEndpoint}
     * @param request the request body
     * @return the response body
     * @throws SageMakerException when SageMaker answers with an error (after retries for retryable ones)
     * @throws IOException when it cannot be reached after retries
     * @throws InterruptedException when aborted
     */
    public JsonNode call(String operation, ObjectNode request) throws IOException, InterruptedException {
        byte[] body = Json.mapper().writeValueAsBytes(request);
        IOException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                long millis = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << (attempt - 2));
                sleeper.sleep(Duration.ofMillis(millis));
            }
            try {
                HttpResponse<byte[]> response = http.send(signed(operation, body),
                        HttpResponse.BodyHandlers.ofByteArray());
                JsonNode answer = response.body().length == 0 ? Json.mapper().createObjectNode()
                        : Json.mapper().readTree(response.body());
                if (response.statusCode() / 100 == 2) {
                    return answer;
                }
                String type = answer.path("__type").asText("UnknownError");
                type = type.substring(type.lastIndexOf('#') + 1);
                String message = answer.has("message") ? answer.path("message").asText()
                        : answer.path("Message").asText();
                SageMakerException error = new SageMakerException(type, message, response.statusCode());
                if (!error.isRetryable()) {
                    throw error;
                }
                last = error;
            } catch (SageMakerException e) {
                throw e;
            } catch (IOException e) {
                last = e; // connection lost or reset: the request may or may not have been applied
            }
        }
        throw last;
    }

    private HttpRequest signed(String operation, byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "SageMaker." + operation)
                .build();
        SignedRequest signed = signer.sign(request -> request
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder builder = HttpRequest.newBuilder(signed.request().getUri())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!UNSIGNABLE.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return builder.build();
    }
}

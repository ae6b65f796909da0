package io.jenkins.plugins.cd4ml.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.cd4ml.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The MLflow REST API 2.0 over {@code java.net.http}: JSON in and out, bearer token, bounded
 * retries with exponential backoff for 429, 5xx and time-outs. Callers only retry requests that
 * are idempotent ({@link #get}, {@link #post} of set-like calls, artifact {@link #put}); creating
 * versions is made idempotent by the registry itself.
 */
final class MlflowClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http;
    private final URI base;
    private final Optional<String> token;
    private final Settings settings;

    MlflowClient(URI trackingUri, Optional<String> token, Settings settings) {
        this.base = URI.create(trackingUri.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    JsonNode get(String endpoint, Map<String, String> query) throws IOException {
        return json(send(builder("api/2.0/mlflow/" + endpoint + queryString(query)).GET(), true));
    }

    JsonNode post(String endpoint, Object body, boolean retry) throws IOException {
        return json(send(builder("api/2.0/mlflow/" + endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))), retry));
    }

    void put(String artifactPath, Path file) throws IOException {
        send(builder("api/2.0/mlflow-artifacts/artifacts/" + artifactPath)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofFile(file)), true);
    }

    void put(String artifactPath, byte[] bytes) throws IOException {
        send(builder("api/2.0/mlflow-artifacts/artifacts/" + artifactPath)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                true);
    }

    InputStream download(String artifactPath) throws IOException {
        HttpRequest request = builder("api/2.0/mlflow-artifacts/artifacts/" + artifactPath).GET().build();
        HttpResponse<InputStream> response = attempt(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw MlflowException.of(response.statusCode(), body);
        }
        return response.body();
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(settings.requestTimeout());
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private String send(HttpRequest.Builder builder, boolean retry) throws IOException {
        HttpRequest request = builder.build();
        int attempts = retry ? settings.maxAttempts() : 1;
        Duration delay = settings.baseDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = attempt(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                MlflowException error = MlflowException.of(status, response.body());
                if (attempt >= attempts || !(status == 429 || status >= 500)) {
                    throw error;
                }
            } catch (MlflowException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new RegistryException("MLflow: " + request.method() + " " + request.uri().getPath()
                            + " failed after " + attempt + " attempt(s): " + e, e);
                }
            }
            sleep(delay);
            delay = delay.multipliedBy(2).compareTo(settings.maxDelay()) > 0 ? settings.maxDelay()
                    : delay.multipliedBy(2);
        }
    }

    private <T> HttpResponse<T> attempt(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted: " + request.uri());
        }
    }

    private static void sleep(Duration delay) throws InterruptedIOException {
        try {
            // full jitter keeps concurrent clients from retrying in lock step
            Thread.sleep((long) (Math.random() * delay.toMillis()) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off");
        }
    }

    private static JsonNode json(String body) throws IOException {
        return body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /**
     * Retry and time-out settings.
     *
     * @param maxAttempts attempts per idempotent request
     * @param baseDelay first backoff
     * @param maxDelay largest backoff
     * @param requestTimeout limit per attempt
     */
    record Settings(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration requestTimeout) {
        static final Settings DEFAULT = new Settings(5, Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    /** An error answer from MLflow ({@code {"error_code", "message"}}). */
    static final class MlflowException extends RegistryException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String errorCode;

        MlflowException(int status, String errorCode, String message) {
            super("MLflow: " + errorCode + " (HTTP " + status + "): " + message);
            this.status = status;
            this.errorCode = errorCode;
        }

        static MlflowException of(int status, String body) {
            String code = "HTTP_" + status;
            String message = body;
            try {
                JsonNode json = MAPPER.readTree(body);
                code = json.path("error_code").asText(code);
                message = json.path("message").asText(body);
            } catch (IOException | RuntimeException e) {
                // not JSON: keep the raw body
            }
            return new MlflowException(status, code, message);
        }

        int status() {
            return status;
        }

        String errorCode() {
            return errorCode;
        }
    }
}

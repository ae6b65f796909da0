package io.jenkins.plugins.cd4ml.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process AWS STS speaking the real Query protocol ({@code POST /} with a form-encoded
 * {@code Action=AssumeRole&Version=2011-06-15&…}, XML answers and {@code ErrorResponse} errors) on
 * 127.0.0.1, for the AWS SDK v2 STS client with an endpoint override. It checks that requests are
 * SigV4-signed for {@code sts}, records each AssumeRole with the access key that signed it, and
 * issues session keys {@code ASIAFAKE<n>} with token {@code session-token-<n>}.
 */
public final class FakeSts implements AutoCloseable {
    /**
     * One AssumeRole call.
     *
     * @param signedBy the access key ID that signed the request
     * @param roleArn the role asked for
     * @param sessionName the role session name
     * @param durationSeconds the session length asked for
     * @param issuedAccessKeyId the session's access key ID
     * @param externalId the ExternalId sent, or {@code null}
     */
    public record AssumeRole(String signedBy, String roleArn, String sessionName, int durationSeconds,
            String issuedAccessKeyId, String externalId) {
    }

    private final LoopbackServer server;
    private final List<AssumeRole> calls = new CopyOnWriteArrayList<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessions = new AtomicInteger();

    private FakeSts() throws IOException {
        server = new LoopbackServer(this::serve);
    }

    /**
     * @return a started fake
     * @throws IOException if no loopback port is free
     */
    public static FakeSts start() throws IOException {
        return new FakeSts();
    }

    /** @return the endpoint to give the STS client */
    public URI endpoint() {
        return server.endpoint();
    }

    /** @return the AssumeRole calls so far, in order */
    public List<AssumeRole> assumeRoleCalls() {
        return List.copyOf(calls);
    }

    /** @param roleArn a role whose trust policy does not let the caller in (AccessDenied) */
    public void deny(String roleArn) {
        denied.add(roleArn);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || authorization == null
                || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")
                || !authorization.contains("/sts/aws4_request")) {
            error(exchange, 403, "IncompleteSignature", "request is not signed for sts");
            return;
        }
        String signedBy = authorization.substring("AWS4-HMAC-SHA256 Credential=".length(), authorization.indexOf('/'));
        Map<String, String> form = form(body);
        if (!"AssumeRole".equals(form.get("Action")) || !"2011-06-15".equals(form.get("Version"))) {
            error(exchange, 400, "InvalidAction", "Could not find operation " + form.get("Action"));
            return;
        }
        String role = form.getOrDefault("RoleArn", "");
        if (denied.contains(role)) {
            error(exchange, 403, "AccessDenied", "User: arn:aws:iam::111122223333:user/jenkins is not authorized"
                    + " to perform: sts:AssumeRole on resource: " + role);
            return;
        }
        int duration = Integer.parseInt(form.getOrDefault("DurationSeconds", "3600"));
        int session = sessions.incrementAndGet();
        String accessKeyId = "ASIAFAKE" + session;
        calls.add(new AssumeRole(signedBy, role, form.get("RoleSessionName"), duration, accessKeyId,
                form.get("ExternalId")));
        String xml = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>" + accessKeyId + "</AccessKeyId>"
                + "<SecretAccessKey>session-secret-" + session + "</SecretAccessKey>"
                + "<SessionToken>session-token-" + session + "</SessionToken>"
                + "<Expiration>" + Instant.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS) + "</Expiration>"
                + "</Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKE:" + form.get("RoleSessionName")
                + "</AssumedRoleId><Arn>" + role.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/"
                + form.get("RoleSessionName") + "</Arn></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>fake-" + session + "</RequestId></ResponseMetadata></AssumeRoleResponse>";
        LoopbackServer.respond(exchange, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        String xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>fake-error</RequestId></ErrorResponse>";
        LoopbackServer.respond(exchange, status, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}

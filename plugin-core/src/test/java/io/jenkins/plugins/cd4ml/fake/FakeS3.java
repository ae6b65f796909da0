package io.jenkins.plugins.cd4ml.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A minimal in-process S3 on 127.0.0.1 speaking the REST/XML protocol with path-style addressing:
 * CreateBucket, PutObject (plain or {@code aws-chunked} bodies, as the SDK sends with checksums),
 * GetObject, HeadObject, ListObjectsV2 (with paging). Enough for the AWS SDK v2 S3 client with an
 * endpoint override and {@code forcePathStyle(true)}.
 *
 * <p>Why not Adobe S3Mock: its in-process form is a Spring Boot application (Spring, Tomcat and a
 * second Jackson stack on the test class path, seconds of start-up per test class), and neither it
 * nor its dependencies are in this build environment's vetted package list.
 */
public final class FakeS3 implements AutoCloseable {
    private final LoopbackServer server;
    private final Map<String, NavigableMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();

    private FakeS3() throws IOException {
        server = new LoopbackServer(this::serve);
    }

    /**
     * @param bucketNames buckets to create
     * @return a started fake
     * @throws IOException if no loopback port is free
     */
    public static FakeS3 start(String... bucketNames) throws IOException {
        FakeS3 fake = new FakeS3();
        for (String bucket : bucketNames) {
            fake.buckets.put(bucket, new ConcurrentSkipListMap<>());
        }
        return fake;
    }

    /** @return the endpoint to pass to {@code endpointOverride} (with {@code forcePathStyle(true)}) */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * @param bucket a bucket
     * @return its object keys, sorted
     */
    public Set<String> keys(String bucket) {
        return Set.copyOf(buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>()).keySet());
    }

    /**
     * @param bucket a bucket
     * @param key a key
     * @return the object's bytes, or null
     */
    public byte[] object(String bucket, String key) {
        StoredObject object = buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>()).get(key);
        return object == null ? null : object.content.clone();
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"),
                StandardCharsets.UTF_8);
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String key = slash < 0 ? "" : trimmed.substring(slash + 1);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (bucket.isEmpty()) {
            error(exchange, 400, "InvalidRequest", "path-style requests only");
            return;
        }
        if (key.isEmpty() && "PUT".equals(method)) {
            buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>());
            LoopbackServer.respond(exchange, 200, null, new byte[0]);
            return;
        }
        NavigableMap<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
            return;
        }
        if (key.isEmpty() && "GET".equals(method)) {
            list(exchange, bucket, objects, query);
            return;
        }
        switch (method) {
            case "PUT" -> {
                byte[] content = isChunked(exchange) ? decodeChunked(body) : body;
                StoredObject object = new StoredObject(content, md5(content), Instant.now(),
                        exchange.getRequestHeaders().getFirst("Content-Type"));
                objects.put(key, object);
                exchange.getResponseHeaders().set("ETag", object.etag());
                LoopbackServer.respond(exchange, 200, null, new byte[0]);
            }
            case "GET", "HEAD" -> {
                StoredObject object = objects.get(key);
                if (object == null) {
                    error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                exchange.getResponseHeaders().set("ETag", object.etag());
                exchange.getResponseHeaders().set("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(object.modified().atZone(java.time.ZoneOffset.UTC)));
                String type = object.contentType() == null ? "application/octet-stream" : object.contentType();
                if ("HEAD".equals(method)) {
                    exchange.getResponseHeaders().set("Content-Type", type);
                    exchange.getResponseHeaders().set("Content-Length", Integer.toString(object.content().length));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                } else {
                    LoopbackServer.respond(exchange, 200, type, object.content());
                }
            }
            default -> error(exchange, 405, "MethodNotAllowed", method + " is not supported by the fake");
        }
    }

    private void list(HttpExchange exchange, String bucket, NavigableMap<String, StoredObject> objects,
            Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        int max = Integer.parseInt(query.getOrDefault("max-keys", "1000"));
        String after = query.getOrDefault("continuation-token", query.getOrDefault("start-after", ""));
        List<Map.Entry<String, StoredObject>> matching = objects.tailMap(after, false).entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).limit(max + 1L).toList();
        boolean truncated = matching.size() > max;
        List<Map.Entry<String, StoredObject>> page = truncated ? matching.subList(0, max) : matching;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append("<Name>").append(escape(bucket)).append("</Name>")
                .append("<Prefix>").append(escape(prefix)).append("</Prefix>")
                .append("<KeyCount>").append(page.size()).append("</KeyCount>")
                .append("<MaxKeys>").append(max).append("</MaxKeys>")
                .append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        for (Map.Entry<String, StoredObject> entry : page) {
            xml.append("<Contents><Key>").append(escape(entry.getKey())).append("</Key>")
                    .append("<LastModified>").append(entry.getValue().modified().truncatedTo(ChronoUnit.MILLIS))
                    .append("</LastModified>")
                    .append("<ETag>").append(escape(entry.getValue().etag())).append("</ETag>")
                    .append("<Size>").append(entry.getValue().content().length).append("</Size>")
                    .append("<StorageClass>STANDARD</StorageClass></Contents>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>").append(escape(page.get(page.size() - 1).getKey()))
                    .append("</NextContinuationToken>");
        }
        xml.append("</ListBucketResult>");
        LoopbackServer.respond(exchange, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isChunked(HttpExchange exchange) {
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return sha != null && sha.startsWith("STREAMING-") || encoding != null && encoding.contains("aws-chunked");
    }

    /** Decodes {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n … 0…\r\n[trailers]\r\n}. */
    static byte[] decodeChunked(byte[] body) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String header = line(in);
            int semicolon = header.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(message) + "</Message></Error>";
        LoopbackServer.respond(exchange, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String md5(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredObject(byte[] content, String etag, Instant modified, String contentType) {
    }
}

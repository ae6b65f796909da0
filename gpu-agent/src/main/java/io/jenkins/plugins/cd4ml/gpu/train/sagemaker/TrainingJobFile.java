package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a training job file (YAML, or JSON when the name ends in {@code .json}) for
 * {@code cd4ml train --sagemaker}:
 *
 * <pre>{@code
 * image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/train@sha256:<64 hex>
 * roleArn: arn:aws:iam::123456789012:role/SageMakerTraining
 * instanceType: ml.g5.xlarge
 * instanceCount: 1
 * volumeSizeGb: 50
 * hyperparameters: {epochs: 10, lr: 0.001}
 * channels: {train: s3://bucket/train, validation: s3://bucket/validation}
 * outputS3Uri: s3://bucket/output
 * checkpoint: {s3Uri: s3://bucket/checkpoints/churn, localPath: /opt/ml/checkpoints}
 * maxRuntimeSeconds: 86400
 * maxWaitSeconds: 172800
 * managedSpot: true
 * imageAllowlist: [sha256:<64 hex>]
 * }</pre>
 */
public final class TrainingJobFile {
    private static final Set<String> KEYS = Set.of("image", "roleArn", "instanceType", "instanceCount",
            "volumeSizeGb", "hyperparameters", "channels", "outputS3Uri", "checkpoint", "maxRuntimeSeconds",
            "maxWaitSeconds", "managedSpot", "imageAllowlist");

    private TrainingJobFile() {
    }

    /**
     * The spec and the allowlist of one file.
     *
     * @param spec the job (not yet validated: see {@link SageMakerTrainer#problems})
     * @param allowlist the file's image allowlist
     */
    public record Contents(TrainingJobSpec spec, ImageAllowlist allowlist) {
    }

    /**
     * @param file the file
     * @param shownAs its name in messages
     * @return what it holds
     * @throws InvalidInputException when it is missing, malformed or holds a value of the wrong type
     */
    public static Contents read(Path file, String shownAs) throws InvalidInputException {
        JsonNode root = Json.readUserFile(file, shownAs);
        SourceLocation at = SourceLocation.ofFile(shownAs);
        if (!root.isObject()) {
            throw new InvalidInputException(at, "expected a mapping with image, roleArn, outputS3Uri, … at the top");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InvalidInputException(at, "unknown key '" + name + "' (expected one of "
                        + KEYS.stream().sorted().toList() + ")");
            }
        }
        TrainingJobSpec.Builder builder = TrainingJobSpec.builder()
                .image(text(root, "image", at, ""))
                .roleArn(text(root, "roleArn", at, ""))
                .instances(text(root, "instanceType", at, "ml.m5.xlarge"), integer(root, "instanceCount", at, 1))
                .volumeSizeGb(integer(root, "volumeSizeGb", at, 30))
                .outputS3Uri(text(root, "outputS3Uri", at, ""))
                .maxRuntime(Duration.ofSeconds(integer(root, "maxRuntimeSeconds", at, 86_400)))
                .managedSpot(bool(root, "managedSpot", at));
        if (root.has("maxWaitSeconds")) {
            builder.maxWait(Duration.ofSeconds(integer(root, "maxWaitSeconds", at, 0)));
        }
        for (Map.Entry<String, JsonNode> entry : mapping(root, "hyperparameters", at)) {
            if (!entry.getValue().isValueNode()) {
                throw new InvalidInputException(at, "hyperparameters." + entry.getKey() + ": expected a number or text");
            }
            builder.hyperparameter(entry.getKey(), entry.getValue().asText());
        }
        for (Map.Entry<String, JsonNode> entry : mapping(root, "channels", at)) {
            if (!entry.getValue().isTextual()) {
                throw new InvalidInputException(at, "channels." + entry.getKey() + ": expected an S3 URI");
            }
            builder.channel(entry.getKey(), entry.getValue().asText());
        }
        if (root.has("checkpoint")) {
            JsonNode checkpoint = root.get("checkpoint");
            if (!checkpoint.isObject()) {
                throw new InvalidInputException(at, "checkpoint: expected a mapping with s3Uri and optional localPath");
            }
            builder.checkpoint(text(checkpoint, "s3Uri", at, ""), text(checkpoint, "localPath", at, ""));
        }
        List<String> allowed = new ArrayList<>();
        JsonNode allowlist = root.path("imageAllowlist");
        if (!allowlist.isMissingNode()) {
            if (!allowlist.isArray()) {
                throw new InvalidInputException(at, "imageAllowlist: expected a list of sha256:<64 hex> digests");
            }
            allowlist.forEach(entry -> allowed.add(entry.asText()));
        }
        return new Contents(builder.build(), new ImageAllowlist(allowed));
    }

    private static String text(JsonNode node, String key, SourceLocation at, String fallback)
            throws InvalidInputException {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(at, key + ": expected text but found " + value.getNodeType());
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String key, SourceLocation at, int fallback) throws InvalidInputException {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidInputException(at, key + ": expected a whole number but found '" + value.asText() + "'");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode node, String key, SourceLocation at) throws InvalidInputException {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(at, key + ": expected true or false but found '" + value.asText() + "'");
        }
        return value.asBoolean();
    }

    private static Iterable<Map.Entry<String, JsonNode>> mapping(JsonNode node, String key, SourceLocation at)
            throws InvalidInputException {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isObject()) {
            throw new InvalidInputException(at, key + ": expected a mapping of name: value");
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        value.fields().forEachRemaining(entries::add);
        return entries;
    }
}

package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and validates an environments file (YAML, documented in {@code docs/deployment.md}). Every
 * problem is reported with file, line and column and what was expected. The file is only composed
 * into YAML nodes (never constructed into objects), with alias and size limits.
 */
public final class EnvironmentsFile {
    private static final Pattern NAME = SettingRules.NAME;
    private static final Pattern ROLE_ARN = SettingRules.ROLE_ARN;
    private static final Set<String> TOP = Set.of("schemaVersion", "environments");
    private static final Set<String> ENVIRONMENT = Set.of("name", "target", "requiresApproval", "alias",
            "credentials");
    private static final Set<String> CREDENTIALS = Set.of("credentialsId", "awsCredentialsId", "roleArn");
    private static final Set<String> PATH_SETTINGS = SettingRules.PATH_SETTINGS;

    private final String file;
    private final Path baseDirectory;

    private EnvironmentsFile(String file, Path baseDirectory) {
        this.file = file;
        this.baseDirectory = baseDirectory;
    }

    /**
     * @param path the environments file
     * @return the validated environments; relative paths in settings are resolved against the file's directory
     * @throws InvalidInputException when the file is missing, malformed or breaks the schema
     */
    public static Environments read(Path path) throws InvalidInputException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(path.toString()), "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(path.toString()),
                    "cannot be read: " + e.getMessage(), e);
        }
        Path parent = path.toAbsolutePath().getParent();
        return parse(path.toString(), parent, new StringReader(text));
    }

    /**
     * @param file the file's name for messages
     * @param baseDirectory the directory relative paths are resolved against
     * @param reader the YAML text
     * @return the validated environments
     * @throws InvalidInputException when the text is malformed or breaks the schema
     */
    public static Environments parse(String file, Path baseDirectory, Reader reader) throws InvalidInputException {
        return new EnvironmentsFile(file, baseDirectory).parse(reader);
    }

    private Environments parse(Reader reader) throws InvalidInputException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InvalidInputException(at(mark), "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file), "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new InvalidInputException(SourceLocation.ofFile(file),
                    "the file is empty (expected a mapping with 'environments')");
        }
        Map<String, NodeTuple> top = mapping(root, TOP, "the top level");
        if (top.containsKey("schemaVersion")) {
            String version = scalar(top.get("schemaVersion").getValueNode(), "schemaVersion");
            if (!version.startsWith("1.") && !version.equals("1")) {
                throw error(top.get("schemaVersion").getValueNode(),
                        "unsupported schemaVersion '" + version + "' (expected 1.x)");
            }
        }
        NodeTuple list = required(top, "environments", root);
        if (!(list.getValueNode() instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw error(list.getValueNode(), "'environments' must be a non-empty list of environments");
        }
        List<Environment> environments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : sequence.getValue()) {
            Environment environment = environment(item);
            if (!names.add(environment.name())) {
                throw error(item, "duplicate environment name '" + environment.name() + "'");
            }
            environments.add(environment);
        }
        return new Environments(environments);
    }

    private Environment environment(Node node) throws InvalidInputException {
        Map<String, NodeTuple> fields = mapping(node, ENVIRONMENT, "an environment");
        String name = name(required(fields, "name", node).getValueNode(), "name");
        TargetSpec target = target(required(fields, "target", node).getValueNode());
        boolean requiresApproval = fields.containsKey("requiresApproval")
                && bool(fields.get("requiresApproval").getValueNode(), "requiresApproval");
        String alias = fields.containsKey("alias") ? name(fields.get("alias").getValueNode(), "alias") : name;
        EnvironmentCredentials credentials = fields.containsKey("credentials")
                ? credentials(fields.get("credentials").getValueNode()) : EnvironmentCredentials.DEFAULT;
        return new Environment(name, target, requiresApproval, alias, credentials);
    }

    private TargetSpec target(Node node) throws InvalidInputException {
        Map<String, NodeTuple> fields = mapping(node, null, "a target");
        NodeTuple typeField = required(fields, "type", node);
        String typeName = scalar(typeField.getValueNode(), "type");
        TargetType type = TargetType.of(typeName);
        if (type == null) {
            throw error(typeField.getValueNode(), "unknown target type '" + typeName
                    + "' (expected one of local, sagemaker, kserve)");
        }
        Set<String> allowed = new TreeSet<>(type.required());
        allowed.addAll(type.optional());
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> field : fields.entrySet()) {
            String key = field.getKey();
            if (key.equals("type")) {
                continue;
            }
            if (!allowed.contains(key)) {
                throw error(field.getValue().getKeyNode(), "unknown setting '" + key + "' for a " + type.id()
                        + " target (expected one of " + String.join(", ", allowed) + ")");
            }
            Node value = field.getValue().getValueNode();
            String text = scalar(value, key);
            checkSetting(key, text, value);
            settings.put(key, PATH_SETTINGS.contains(key) ? baseDirectory.resolve(text).normalize().toString() : text);
        }
        for (String key : type.required()) {
            if (!settings.containsKey(key)) {
                throw error(node, "a " + type.id() + " target needs the setting '" + key + "'");
            }
        }
        return new TargetSpec(type, settings);
    }

    private void checkSetting(String key, String text, Node node) throws InvalidInputException {
        java.util.Optional<String> problem = SettingRules.setting(key, text);
        if (problem.isPresent()) {
            throw error(node, problem.get());
        }
    }

    private EnvironmentCredentials credentials(Node node) throws InvalidInputException {
        Map<String, NodeTuple> fields = mapping(node, CREDENTIALS, "credentials");
        if (fields.containsKey("credentialsId") && fields.containsKey("awsCredentialsId")) {
            throw error(fields.get("awsCredentialsId").getKeyNode(),
                    "set 'credentialsId' or its older name 'awsCredentialsId', not both");
        }
        String idKey = fields.containsKey("awsCredentialsId") ? "awsCredentialsId" : "credentialsId";
        String id = fields.containsKey(idKey) ? scalar(fields.get(idKey).getValueNode(), idKey) : null;
        String role = null;
        if (fields.containsKey("roleArn")) {
            Node roleNode = fields.get("roleArn").getValueNode();
            role = scalar(roleNode, "roleArn");
            if (!ROLE_ARN.matcher(role).matches()) {
                // the value is not echoed: it is configuration users may not want in logs
                throw error(roleNode, "'roleArn' must be an IAM role ARN (arn:aws:iam::123456789012:role/NAME)");
            }
        }
        if (id != null && id.isBlank()) {
            throw error(fields.get(idKey).getValueNode(), "'" + idKey + "' must not be empty");
        }
        return new EnvironmentCredentials(id, role);
    }

    private Map<String, NodeTuple> mapping(Node node, Set<String> allowed, String what) throws InvalidInputException {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what
                        + " (expected one of " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (fields.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "'");
            }
        }
        return fields;
    }

    private NodeTuple required(Map<String, NodeTuple> fields, String key, Node owner) throws InvalidInputException {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            throw error(owner, "missing required key '" + key + "'");
        }
        return tuple;
    }

    private String scalar(Node node, String what) throws InvalidInputException {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw error(node, "'" + what + "' must be a single value");
        }
        return scalar.getValue();
    }

    private String name(Node node, String what) throws InvalidInputException {
        String value = scalar(node, what);
        if (!NAME.matcher(value).matches()) {
            throw error(node, "'" + what + "' must start with a letter and have at most 32 letters, digits, "
                    + "'-' or '_', got '" + value + "'");
        }
        return value;
    }

    private boolean bool(Node node, String what) throws InvalidInputException {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.BOOL)) {
            throw error(node, "'" + what + "' must be true or false");
        }
        return Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT));
    }

    private InvalidInputException error(Node node, String problem) {
        return new InvalidInputException(at(node.getStartMark()), problem);
    }

    private SourceLocation at(Mark mark) {
        if (mark == null) {
            return SourceLocation.ofFile(file);
        }
        return new SourceLocation(file, mark.getLine() + 1L, mark.getColumn() + 1L);
    }
}

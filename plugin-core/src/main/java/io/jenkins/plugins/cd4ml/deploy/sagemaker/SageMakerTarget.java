package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.deploy.DeploymentProgress;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.ResourceNames;
import io.jenkins.plugins.cd4ml.deploy.RolloutResult;
import io.jenkins.plugins.cd4ml.deploy.ServingState;
import io.jenkins.plugins.cd4ml.deploy.TargetPlan;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.strategy.BlueGreen;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.deploy.strategy.Linear;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A SageMaker real-time endpoint per model and environment. A rollout creates a model and an endpoint
 * configuration named after model, version and environment (looked up first, so retries and resumes
 * create nothing twice), then creates the endpoint or updates it with a blue/green
 * {@code DeploymentConfig} (traffic routing ALL_AT_ONCE, CANARY or LINEAR, bake time as wait
 * interval) and an {@code AutoRollbackConfiguration} with the strategy's CloudWatch alarms, and
 * polls {@code DescribeEndpoint} until it settles.
 *
 * <p>The outcome is read back: SageMaker's own waiter reports success after an automatic rollback
 * too, so {@link #observe} reports the version of the model behind the endpoint's <em>current</em>
 * {@code EndpointConfigName} (from the {@code CD4ML_MODEL_VERSION} environment variable of its
 * container) and the endpoint's {@code FailureReason}.
 */
public final class SageMakerTarget implements DeploymentTarget {
    /** Container environment variable that carries the model version (read back). */
    public static final String VERSION_VARIABLE = "CD4ML_MODEL_VERSION";

    private static final Set<String> SETTLING = Set.of("Creating", "Updating", "SystemUpdating", "RollingBack",
            "Deleting");

    private final Environment environment;
    private final SageMakerApi api;
    private final TargetSpec settings;
    private final Duration poll;
    private final Duration maxWait;
    private final AutoCloseable resources;

    /**
     * @param environment the environment (its {@code sagemaker} settings are used)
     * @param api the SageMaker API, built by the caller with the environment's credentials
     */
    public SageMakerTarget(Environment environment, SageMakerApi api) {
        this(environment, api, () -> { });
    }

    private SageMakerTarget(Environment environment, SageMakerApi api, AutoCloseable resources) {
        this.resources = resources;
        this.environment = environment;
        this.api = api;
        this.settings = environment.target();
        this.poll = Duration.ofSeconds(Long.parseLong(settings.setting("pollSeconds", "30")));
        this.maxWait = Duration.ofSeconds(Long.parseLong(settings.setting("maxWaitSeconds", "14400")));
    }

    /**
     * @param environment the environment
     * @param api the SageMaker API
     * @param resources closed with the target (credential providers, the STS client)
     * @return the target
     */
    public static SageMakerTarget closing(Environment environment, SageMakerApi api, AutoCloseable resources) {
        return new SageMakerTarget(environment, api, resources);
    }

    @Override
    public void close() throws IOException {
        try {
            resources.close();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String endpointName(String model) {
        return settings.setting("endpointName").orElse(ResourceNames.forService(model, environment.name()));
    }

    @Override
    public String unsupported(DeploymentStrategy strategy) {
        if (strategy instanceof Shadow) {
            return "the sagemaker target does not run shadow deployments yet (SageMaker runs them as shadow tests "
                    + "with shadow variants); use canary or linear with alarms";
        }
        return "";
    }

    @Override
    public ServingState observe(String model) throws IOException {
        try {
            JsonNode endpoint = describe("DescribeEndpoint", "EndpointName", endpointName(model));
            if (endpoint == null) {
                return ServingState.absent();
            }
            String status = endpoint.path("EndpointStatus").asText();
            String failure = endpoint.path("FailureReason").asText("");
            String version = versionOfConfig(endpoint.path("EndpointConfigName").asText());
            int instances = 0;
            for (JsonNode variant : endpoint.path("ProductionVariants")) {
                instances += variant.path("CurrentInstanceCount").asInt(0);
            }
            ServingState.Status state = switch (status) {
                case "InService" -> ServingState.Status.IN_SERVICE;
                case "Failed", "OutOfService", "UpdateRollbackFailed" -> ServingState.Status.FAILED;
                default -> ServingState.Status.UPDATING;
            };
            String detail = failure.isEmpty() ? "" : "EndpointStatus " + status + ", FailureReason: " + failure;
            return new ServingState(state, version == null ? Map.of() : Map.of(version, 100),
                    state == ServingState.Status.IN_SERVICE && instances > 0 && version != null, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading back the endpoint");
        }
    }

    private String versionOfConfig(String configName) throws IOException, InterruptedException {
        JsonNode config = describe("DescribeEndpointConfig", "EndpointConfigName", configName);
        if (config == null || config.path("ProductionVariants").isEmpty()) {
            return null;
        }
        JsonNode model = describe("DescribeModel", "ModelName",
                config.path("ProductionVariants").get(0).path("ModelName").asText());
        if (model == null) {
            return null;
        }
        JsonNode version = model.path("PrimaryContainer").path("Environment").path(VERSION_VARIABLE);
        return version.isTextual() ? version.asText() : null;
    }

    @Override
    public RolloutResult rollout(TargetPlan plan, DeploymentProgress progress) throws IOException, InterruptedException {
        String name = plan.resourceName();
        String endpointName = endpointName(plan.model());
        ensureModel(plan, name, progress);
        ensureEndpointConfig(name, progress);
        JsonNode endpoint = describe("DescribeEndpoint", "EndpointName", endpointName);
        if (endpoint == null) {
            create("CreateEndpoint", request().put("EndpointName", endpointName).put("EndpointConfigName", name));
            progress.event("endpoint", "created endpoint " + endpointName + " with configuration " + name
                    + " (a first deployment has no traffic shifting)");
        } else if (name.equals(pending(endpoint)) || (name.equals(endpoint.path("EndpointConfigName").asText())
                && SETTLING.contains(endpoint.path("EndpointStatus").asText()))) {
            progress.event("resumed", "endpoint " + endpointName + " is already being updated to " + name
                    + "; waiting for it");
        } else if (name.equals(endpoint.path("EndpointConfigName").asText())) {
            progress.event("endpoint", "endpoint " + endpointName + " already uses configuration " + name);
            return RolloutResult.completed();
        } else {
            if (SETTLING.contains(endpoint.path("EndpointStatus").asText())) {
                progress.event("waiting", "endpoint " + endpointName + " is " + endpoint.path("EndpointStatus").asText()
                        + " with another change; waiting before updating");
                waitUntilSettled(endpointName, progress, plan.strategy());
            }
            ObjectNode update = request().put("EndpointName", endpointName).put("EndpointConfigName", name);
            update.set("DeploymentConfig", deploymentConfig(plan.strategy()));
            api.call("UpdateEndpoint", update);
            progress.event("endpoint", "updating endpoint " + endpointName + " to " + name + " ("
                    + plan.strategy().describe() + ")");
        }
        return waitUntilSettled(endpointName, progress, plan.strategy()).result(name);
    }

    private static String pending(JsonNode endpoint) {
        JsonNode pending = endpoint.path("PendingDeploymentSummary").path("EndpointConfigName");
        return pending.isTextual() ? pending.asText() : null;
    }

    /** What the wait saw. */
    private record Settled(JsonNode endpoint, boolean sawRollback, boolean timedOut) {
        RolloutResult result(String configName) {
            String status = endpoint.path("EndpointStatus").asText();
            String failure = endpoint.path("FailureReason").asText("");
            String reason = failure.isEmpty() ? "" : "SageMaker: " + failure;
            if (timedOut) {
                return RolloutResult.failed("endpoint still " + status + " when the wait ended");
            }
            if (configName.equals(endpoint.path("EndpointConfigName").asText()) && status.equals("InService")) {
                return RolloutResult.completed();
            }
            boolean rolledBack = sawRollback || status.equals("UpdateRollbackFailed")
                    || failure.toLowerCase(Locale.ROOT).contains("alarm")
                    || failure.toLowerCase(Locale.ROOT).contains("roll");
            return new RolloutResult(rolledBack, reason.isEmpty() ? "endpoint is " + status : reason);
        }
    }

    private Settled waitUntilSettled(String endpointName, DeploymentProgress progress, DeploymentStrategy strategy)
            throws IOException, InterruptedException {
        Instant deadline = progress.clock().instant().plus(maxWait).plusSeconds(strategy.bakeSeconds() * 10L);
        String last = "";
        boolean sawRollback = false;
        while (true) {
            JsonNode endpoint = describe("DescribeEndpoint", "EndpointName", endpointName);
            if (endpoint == null) {
                throw new IOException("endpoint " + endpointName + " disappeared");
            }
            String status = endpoint.path("EndpointStatus").asText();
            sawRollback |= status.equals("RollingBack");
            if (!status.equals(last)) {
                progress.event("status", "endpoint " + endpointName + " is " + status
                        + (endpoint.path("FailureReason").asText("").isEmpty() ? ""
                        : ": " + endpoint.path("FailureReason").asText()));
                last = status;
            }
            if (!SETTLING.contains(status)) {
                return new Settled(endpoint, sawRollback, false);
            }
            if (progress.clock().instant().isAfter(deadline)) {
                return new Settled(endpoint, sawRollback, true);
            }
            progress.sleep(poll);
        }
    }

    private ObjectNode deploymentConfig(DeploymentStrategy strategy) {
        ObjectNode config = Json.mapper().createObjectNode();
        ObjectNode blueGreen = config.putObject("BlueGreenUpdatePolicy");
        ObjectNode routing = blueGreen.putObject("TrafficRoutingConfiguration");
        routing.put("WaitIntervalInSeconds", strategy.bakeSeconds());
        if (strategy instanceof Canary canary) {
            routing.put("Type", "CANARY");
            routing.putObject("CanarySize").put("Type", "CAPACITY_PERCENT").put("Value", canary.percent());
        } else if (strategy instanceof Linear linear) {
            routing.put("Type", "LINEAR");
            routing.putObject("LinearStepSize").put("Type", "CAPACITY_PERCENT").put("Value", linear.stepPercent());
        } else {
            routing.put("Type", "ALL_AT_ONCE");
        }
        if (strategy instanceof BlueGreen) {
            blueGreen.put("TerminationWaitInSeconds", strategy.bakeSeconds());
        }
        if (!strategy.alarms().isEmpty()) {
            var alarms = config.putObject("AutoRollbackConfiguration").putArray("Alarms");
            strategy.alarms().forEach(alarm -> alarms.addObject().put("AlarmName", alarm));
        }
        return config;
    }

    private void ensureModel(TargetPlan plan, String name, DeploymentProgress progress)
            throws IOException, InterruptedException {
        if (describe("DescribeModel", "ModelName", name) != null) {
            progress.event("model", "model " + name + " exists");
            return;
        }
        ObjectNode request = request().put("ModelName", name)
                .put("ExecutionRoleArn", settings.setting("executionRoleArn", ""));
        ObjectNode container = request.putObject("PrimaryContainer");
        container.put("Image", settings.setting("image", "")).put("ModelDataUrl", plan.artifactUri());
        container.putObject("Environment").put("CD4ML_MODEL_NAME", plan.model()).put(VERSION_VARIABLE, plan.version());
        request.putArray("Tags").addObject().put("Key", "cd4ml:deployment").put("Value", plan.deploymentId());
        create("CreateModel", request);
        progress.event("model", "created model " + name + " from " + plan.artifactUri());
    }

    private void ensureEndpointConfig(String name, DeploymentProgress progress) throws IOException, InterruptedException {
        if (describe("DescribeEndpointConfig", "EndpointConfigName", name) != null) {
            progress.event("config", "endpoint configuration " + name + " exists");
            return;
        }
        ObjectNode request = request().put("EndpointConfigName", name);
        request.putArray("ProductionVariants").addObject()
                .put("VariantName", settings.setting("variantName", "AllTraffic"))
                .put("ModelName", name)
                .put("InstanceType", settings.setting("instanceType", "ml.m5.large"))
                .put("InitialInstanceCount", Integer.parseInt(settings.setting("instanceCount", "1")))
                .put("InitialVariantWeight", 1.0);
        create("CreateEndpointConfig", request);
        progress.event("config", "created endpoint configuration " + name);
    }

    /** A create whose lost first answer made the retry find the resource: that is success. */
    private void create(String operation, ObjectNode request) throws IOException, InterruptedException {
        try {
            api.call(operation, request);
        } catch (SageMakerException e) {
            if (!e.isAlreadyExisting()) {
                throw e;
            }
        }
    }

    private JsonNode describe(String operation, String field, String name) throws IOException, InterruptedException {
        try {
            return api.call(operation, request().put(field, name));
        } catch (SageMakerException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    private static ObjectNode request() {
        return Json.mapper().createObjectNode();
    }

    @Override
    public void abort(TargetPlan plan, DeploymentProgress progress) {
        // SageMaker has no call that stops a blue/green update; its alarms keep guarding it
        progress.event("aborted", "SageMaker finishes or rolls back the update of endpoint "
                + endpointName(plan.model()) + " on its own; its rollback alarms still apply");
    }
}

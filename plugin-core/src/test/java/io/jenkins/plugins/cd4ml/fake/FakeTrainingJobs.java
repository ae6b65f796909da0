package io.jenkins.plugins.cd4ml.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SageMaker training jobs for {@link FakeSageMaker}: {@code CreateTrainingJob},
 * {@code DescribeTrainingJob} and {@code StopTrainingJob} with SageMaker's validation of names,
 * spot limits and duplicates ({@code ResourceInUse}), and a scripted lifecycle per job — each
 * {@code DescribeTrainingJob} advances the job by one {@link Stage}, so tests decide exactly what
 * a poller sees (spot interruptions with resume from checkpoint, failures, stops).
 *
 * <p>Kept apart from {@link FakeSageMaker} so areas extend the fake without touching the same
 * lines: {@code FakeTrainingJobs jobs = FakeTrainingJobs.installOn(fake);}. Faults (throttling,
 * lost responses) are injected with {@link FakeSageMaker#failNext}. With {@link #logTo} jobs also
 * write container logs to a {@link FakeCloudWatchLogs} as SageMaker does.
 */
public final class FakeTrainingJobs {
    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    private static final double EPOCH = 1_767_225_600.0; // 2026-01-01T00:00:00Z: fixed, so transitions are stable
    /** The log group SageMaker training containers write to. */
    public static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";

    private final FakeSageMaker fake;
    private final Deque<Lifecycle> scripted = new ArrayDeque<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private FakeCloudWatchLogs logs;
    private int linesPerPoll;

    private FakeTrainingJobs(FakeSageMaker fake) {
        this.fake = fake;
    }

    /**
     * @param fake the SageMaker fake to extend
     * @return the training jobs, registered on the fake
     */
    public static FakeTrainingJobs installOn(FakeSageMaker fake) {
        FakeTrainingJobs trainingJobs = new FakeTrainingJobs(fake);
        fake.handle("CreateTrainingJob", trainingJobs::createTrainingJob);
        fake.handle("DescribeTrainingJob", trainingJobs::describeTrainingJob);
        fake.handle("StopTrainingJob", trainingJobs::stopTrainingJob);
        return trainingJobs;
    }

    /** @param lifecycle what the next created job goes through (default: {@link Lifecycle#completes}) */
    public synchronized void nextJob(Lifecycle lifecycle) {
        scripted.add(lifecycle);
    }

    /**
     * Makes jobs write container logs as SageMaker does: log group {@value #LOG_GROUP}, from each
     * {@code Training} stage on one new stream per instance named {@code <job>/algo-<n>-<epoch seconds>}
     * (so a spot resume starts new streams) with a first line, then {@code linesPerPoll} lines
     * {@code epoch <e> loss=<l>} per stream for each {@code DescribeTrainingJob} that reports
     * {@code Training} (epochs go on across a resume, as from a checkpoint); the describe that
     * reports the end adds one last line ({@code Reporting training SUCCESS} / {@code FAILURE} /
     * {@code Training stopped}). Before the first stream the log group does not exist.
     *
     * @param cloudWatchLogs where the logs go
     * @param lines lines per stream and poll while training
     * @return this
     */
    public synchronized FakeTrainingJobs logTo(FakeCloudWatchLogs cloudWatchLogs, int lines) {
        this.logs = cloudWatchLogs;
        this.linesPerPoll = lines;
        return this;
    }

    /** @return how many training jobs exist */
    public synchronized int jobCount() {
        return jobs.size();
    }

    /**
     * @param name a job name
     * @return its current TrainingJobStatus
     */
    public synchronized String status(String name) {
        return jobs.get(name).stage().primary();
    }

    /** @return the names of all jobs, in creation order */
    public synchronized List<String> jobNames() {
        return List.copyOf(jobs.keySet());
    }

    private synchronized JsonNode createTrainingJob(JsonNode request) throws FakeSageMaker.AwsError {
        String name = request.path("TrainingJobName").asText("");
        if (!JOB_NAME.matcher(name).matches()) {
            throw FakeSageMaker.AwsError.validation("1 validation error detected: Value '" + name
                    + "' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        }
        for (String required : List.of("RoleArn", "AlgorithmSpecification", "OutputDataConfig", "ResourceConfig",
                "StoppingCondition")) {
            if (request.path(required).isMissingNode()) {
                throw FakeSageMaker.AwsError.validation("1 validation error detected: " + required + " must not be null");
            }
        }
        JsonNode stopping = request.path("StoppingCondition");
        boolean spot = request.path("EnableManagedSpotTraining").asBoolean(false);
        if (spot && (!stopping.has("MaxWaitTimeInSeconds")
                || stopping.get("MaxWaitTimeInSeconds").asInt() < stopping.path("MaxRuntimeInSeconds").asInt())) {
            throw FakeSageMaker.AwsError.validation("Invalid MaxWaitTimeInSeconds. It must be present and be greater "
                    + "than or equal to MaxRuntimeInSeconds");
        }
        if (!spot && stopping.has("MaxWaitTimeInSeconds")) {
            throw FakeSageMaker.AwsError.validation("MaxWaitTimeInSeconds is only valid for managed spot training");
        }
        if (jobs.containsKey(name)) {
            throw new FakeSageMaker.AwsError(400, "ResourceInUse", "Training job names must be unique within an AWS "
                    + "account and region, and a training job with this name already exists (" + arn(name) + ")");
        }
        Lifecycle lifecycle = scripted.isEmpty() ? Lifecycle.completes(3600, 3600, Map.of()) : scripted.poll();
        jobs.put(name, new Job(name, (ObjectNode) request.deepCopy(), lifecycle));
        return fake.object().put("TrainingJobArn", arn(name));
    }

    private synchronized JsonNode describeTrainingJob(JsonNode request) throws FakeSageMaker.AwsError {
        Job job = job(request);
        ObjectNode response = job.describe();
        if (logs != null) {
            job.writeLogs();
        }
        job.advance();
        return response;
    }

    private synchronized JsonNode stopTrainingJob(JsonNode request) throws FakeSageMaker.AwsError {
        Job job = job(request);
        String primary = job.stage().primary();
        if (!"InProgress".equals(primary)) {
            throw FakeSageMaker.AwsError.validation("The request was rejected because the training job is in status "
                    + primary + ".");
        }
        job.stop();
        return fake.object();
    }

    private Job job(JsonNode request) throws FakeSageMaker.AwsError {
        Job job = jobs.get(request.path("TrainingJobName").asText(""));
        if (job == null) {
            throw FakeSageMaker.AwsError.validation("Requested resource not found.");
        }
        return job;
    }

    private static String arn(String name) {
        return FakeSageMaker.ARN + "training-job/" + name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * One step of a job's life: what {@code DescribeTrainingJob} reports while the job is there.
     *
     * @param primary TrainingJobStatus: InProgress, Completed, Failed, Stopping, Stopped
     * @param secondary SecondaryStatus, e.g. Downloading, Interrupted
     * @param message the transition's StatusMessage
     */
    public record Stage(String primary, String secondary, String message) {
        static Stage running(String secondary, String message) {
            return new Stage("InProgress", secondary, message);
        }
    }

    /**
     * A job's scripted life and its end figures.
     *
     * @param stages what the job goes through; the last one stays
     * @param trainingSeconds TrainingTimeInSeconds at the end
     * @param billableSeconds BillableTimeInSeconds at the end
     * @param metrics FinalMetricDataList at the end
     * @param failureReason FailureReason when it fails
     */
    public record Lifecycle(List<Stage> stages, int trainingSeconds, int billableSeconds, Map<String, Double> metrics,
            String failureReason) {
        private static final List<Stage> START = List.of(
                Stage.running("Starting", "Launching requested ML instances"),
                Stage.running("Downloading", "Downloading input data"),
                Stage.running("Training", "Training image download completed. Training in progress."));

        /**
         * @param trainingSeconds TrainingTimeInSeconds
         * @param billableSeconds BillableTimeInSeconds
         * @param metrics FinalMetricDataList
         * @return a job that starts, trains, uploads and completes
         */
        public static Lifecycle completes(int trainingSeconds, int billableSeconds, Map<String, Double> metrics) {
            List<Stage> stages = new ArrayList<>(START);
            stages.add(Stage.running("Uploading", "Uploading generated training model"));
            stages.add(new Stage("Completed", "Completed", "Training job completed"));
            return new Lifecycle(stages, trainingSeconds, billableSeconds, metrics, "");
        }

        /**
         * @param reason FailureReason
         * @return a job that starts, trains and fails
         */
        public static Lifecycle fails(String reason) {
            List<Stage> stages = new ArrayList<>(START);
            stages.add(new Stage("Failed", "Failed", "Training job failed"));
            return new Lifecycle(stages, 120, 120, Map.of(), reason);
        }

        /** @return a job that trains until it is stopped */
        public static Lifecycle runsUntilStopped() {
            return new Lifecycle(START, 600, 240, Map.of(), "");
        }

        /**
         * @return this life with one spot interruption while training: Interrupted, then Starting,
         *     Downloading and Training again (resumed from the checkpoint)
         */
        public Lifecycle interruptedOnce() {
            List<Stage> changed = new ArrayList<>(stages);
            int training = changed.indexOf(START.get(2));
            changed.addAll(training + 1, List.of(
                    Stage.running("Interrupted", "Training job interrupted: insufficient spot capacity"),
                    Stage.running("Starting", "Launching requested ML instances"),
                    Stage.running("Downloading", "Downloading input data"),
                    Stage.running("Training", "Restoring checkpoints from S3. Training in progress.")));
            return new Lifecycle(changed, trainingSeconds, billableSeconds, metrics, failureReason);
        }
    }

    /** One job: its request and where it is in its life. */
    private final class Job {
        private final String name;
        private final ObjectNode request;
        private final Lifecycle lifecycle;
        private List<Stage> stages;
        private int position;
        private final List<Stage> passed = new ArrayList<>();
        private final List<String> streams = new ArrayList<>();
        private int streamsFrom = -1;
        private int epoch;
        private boolean lastLineWritten;

        Job(String name, ObjectNode request, Lifecycle lifecycle) {
            this.name = name;
            this.request = request;
            this.lifecycle = lifecycle;
            this.stages = new ArrayList<>(lifecycle.stages());
            passed.add(stages.get(0));
        }

        Stage stage() {
            return stages.get(position);
        }

        void advance() {
            if (position < stages.size() - 1) {
                position++;
                passed.add(stages.get(position));
            }
        }

        void stop() {
            stages = new ArrayList<>(stages.subList(0, position + 1));
            stages.add(new Stage("Stopping", "Stopping", "Stopping the training job"));
            stages.add(new Stage("Stopped", "Stopped", "Training job stopped"));
            advance();
        }

        /** What the containers log while the stage just reported lasts. */
        void writeLogs() {
            Stage stage = stage();
            if ("InProgress".equals(stage.primary()) && "Training".equals(stage.secondary())) {
                if (streamsFrom != position) {
                    boolean resumed = streamsFrom >= 0;
                    streamsFrom = position;
                    streams.clear();
                    int instances = request.path("ResourceConfig").path("InstanceCount").asInt(1);
                    for (int host = 1; host <= instances; host++) {
                        String stream = name + "/algo-" + host + "-" + (long) (EPOCH + passed.size() * 60);
                        streams.add(stream);
                        logs.append(LOG_GROUP, stream, resumed ? "Restoring checkpoint from /opt/ml/checkpoints, "
                                + "resuming at epoch " + (epoch + 1) : "Invoking script with the following command: train");
                    }
                }
                for (int line = 0; line < linesPerPoll; line++) {
                    epoch++;
                    String text = String.format(java.util.Locale.ROOT, "epoch %d loss=%.4f", epoch, 1.0 / (epoch + 1));
                    streams.forEach(stream -> logs.append(LOG_GROUP, stream, text));
                }
            } else if (!"InProgress".equals(stage.primary()) && !"Stopping".equals(stage.primary())
                    && !streams.isEmpty() && !lastLineWritten) {
                lastLineWritten = true;
                String last = switch (stage.primary()) {
                    case "Completed" -> "Reporting training SUCCESS";
                    case "Failed" -> "Reporting training FAILURE";
                    default -> "Training stopped";
                };
                streams.forEach(stream -> logs.append(LOG_GROUP, stream, last));
            }
        }

        ObjectNode describe() {
            Stage stage = stage();
            ObjectNode response = fake.object().put("TrainingJobName", name).put("TrainingJobArn", arn(name))
                    .put("TrainingJobStatus", stage.primary()).put("SecondaryStatus", stage.secondary())
                    .put("CreationTime", EPOCH).put("LastModifiedTime", EPOCH + passed.size());
            for (String copied : List.of("AlgorithmSpecification", "RoleArn", "ResourceConfig", "StoppingCondition",
                    "OutputDataConfig", "InputDataConfig", "HyperParameters", "CheckpointConfig",
                    "EnableManagedSpotTraining")) {
                if (request.has(copied)) {
                    response.set(copied, request.get(copied));
                }
            }
            ArrayNode transitions = response.putArray("SecondaryStatusTransitions");
            for (int i = 0; i < passed.size(); i++) {
                ObjectNode transition = transitions.addObject().put("Status", passed.get(i).secondary())
                        .put("StartTime", EPOCH + i * 60).put("StatusMessage", passed.get(i).message());
                if (i < passed.size() - 1) {
                    transition.put("EndTime", EPOCH + (i + 1) * 60);
                }
            }
            boolean ended = !"InProgress".equals(stage.primary()) && !"Stopping".equals(stage.primary());
            if ("Failed".equals(stage.primary())) {
                response.put("FailureReason", lifecycle.failureReason());
            }
            if (ended) {
                boolean stopped = "Stopped".equals(stage.primary());
                response.put("TrainingTimeInSeconds", stopped ? lifecycle.trainingSeconds() / 2 : lifecycle.trainingSeconds());
                response.put("BillableTimeInSeconds", stopped ? lifecycle.billableSeconds() / 2 : lifecycle.billableSeconds());
                response.put("TrainingEndTime", EPOCH + passed.size() * 60);
            }
            if ("Completed".equals(stage.primary())) {
                ArrayNode metrics = response.putArray("FinalMetricDataList");
                lifecycle.metrics().forEach((metric, value) -> metrics.addObject().put("MetricName", metric)
                        .put("Value", value).put("Timestamp", EPOCH + passed.size() * 60));
                response.putObject("ModelArtifacts").put("S3ModelArtifacts",
                        request.path("OutputDataConfig").path("S3OutputPath").asText() + "/" + name + "/output/model.tar.gz");
            }
            return response;
        }
    }
}

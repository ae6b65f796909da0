package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.config.Cd4mlGlobalConfiguration;
import io.jenkins.plugins.cd4ml.steps.checks.CheckPublisher;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The asynchronous execution of {@code deployModel} and {@code promoteModel}. Deployments bake for
 * minutes, so the engine runs on a background thread of the controller, never on the CPS thread.
 *
 * <p>Resumable: the resolved {@link DeploymentRequest} is persisted with the execution as soon as
 * it is known. After a controller restart, {@link #onResume} hands the same request to the engine,
 * which finds the in-progress record of the same deployment id and resumes waiting instead of
 * starting again. {@link #stop} interrupts the engine, which stops the rollout, reads back what
 * serves and records the deployment as ABORTED.
 */
final class DeploymentExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cd4ml deployment");
        thread.setDaemon(true);
        return thread;
    });

    private final DeploymentOrder order;
    private final String environmentsPath;
    private final JenkinsFacade facade;
    private volatile DeploymentRequest request;
    /** Whether the environment came from the global configuration (persisted: a resume keeps it). */
    private volatile boolean administratorDeclared;
    private transient volatile Future<?> running;
    private transient volatile boolean stopped;

    /**
     * @param context the step's context
     * @param order what the step asks for
     * @param environmentsPath the environments file in the workspace, or {@code null} when not given
     * @param facade reaches {@code JENKINS_HOME}
     */
    DeploymentExecution(StepContext context, DeploymentOrder order, String environmentsPath, JenkinsFacade facade) {
        super(context);
        this.order = order;
        this.environmentsPath = environmentsPath;
        this.facade = facade;
    }

    @Override
    public boolean start() throws Exception {
        running = BACKGROUND.submit(this::resolveAndDeploy);
        return false;
    }

    @Override
    public void onResume() {
        if (request == null) {
            BACKGROUND.submit(() -> getContext().onFailure(new AbortException(order.step()
                    + ": Jenkins restarted before the deployment started; nothing was changed, run the build again")));
            return;
        }
        running = BACKGROUND.submit(() -> {
            log().println(order.step() + ": Jenkins restarted; resuming deployment " + request.deploymentId());
            deploy(request);
            return null;
        });
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        stopped = true;
        Future<?> deployment = running;
        if (deployment != null) {
            deployment.cancel(true); // the engine stops the rollout and records ABORTED
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        DeploymentRequest current = request;
        return current == null ? "resolving the version to deploy"
                : "deploying " + current.model() + " version " + current.version() + " to "
                        + current.environment().name() + " (" + current.deploymentId() + ")";
    }

    private Void resolveAndDeploy() {
        try {
            ControllerDeployer deployer = ControllerDeployer.of(facade.getRootDir());
            EnvironmentSource source = EnvironmentSources.select(order.step(), environmentsPath,
                    facade.getSingleton(Cd4mlGlobalConfiguration.class).getEnvironments(),
                    getContext().get(FilePath.class), deployer.stateDirectory());
            Environments environments = source.environments();
            administratorDeclared = source.declaredByAdministrator();
            request = order.resolve(deployer, environments, getContext().get(Run.class).getFullDisplayName());
            getContext().saveState();
            deploy(request);
        } catch (InvalidInputException e) {
            fail(new AbortException(order.step() + ": " + e.getMessage()));
        } catch (Throwable t) {
            fail(t);
        }
        return null;
    }

    private void deploy(DeploymentRequest resolved) throws Exception {
        ControllerDeployer deployer = ControllerDeployer.of(facade.getRootDir());
        PrintStream log = log();
        Run<?, ?> run = getContext().get(Run.class);
        DeploymentRecord record;
        try {
            // credentials are looked up with the build's permissions, and only now: secrets are never persisted
            CredentialResolver credentials = new CredentialResolver(
                    JenkinsCredentialStore.forBuild(run), administratorDeclared);
            record = deployer.deploy(resolved, run.getExternalizableId(), credentials,
                    message -> log.println(order.step() + ": " + message),
                    event -> log.println(DeploymentReports.line(order.step(), event)));
        } catch (InvalidInputException e) {
            fail(new AbortException(order.step() + ": " + e.getMessage()));
            return;
        }
        String url = deployer.localUrl(resolved.environment(), resolved.model()).orElse(null);
        MlReportsAction.record(run, DeploymentReports.section(resolved.environment().name()),
                DeploymentReports.json(record, url));
        CheckPublisher.publishToAll(facade, run, getContext().get(TaskListener.class),
                DeploymentReports.check(record, url));
        if (stopped) {
            return; // stop() has completed the step already
        }
        if (record.outcome() == DeploymentOutcome.DEPLOYED) {
            log.println(order.step() + ": " + record.model() + " version " + record.version() + " serves in "
                    + record.environment() + (url == null ? "" : " at " + url));
            getContext().onSuccess(DeploymentReports.outcome(record, url));
        } else {
            getContext().onFailure(new AbortException(order.step() + ": " + record.outcome() + ": " + record.reason()));
        }
    }

    private void fail(Throwable t) {
        if (!stopped) {
            getContext().onFailure(t);
        }
    }

    private PrintStream log() throws IOException, InterruptedException {
        return getContext().get(TaskListener.class).getLogger();
    }
}

package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A target whose rollout is scripted by the test; it serves what the script says. */
final class ScriptedTarget implements DeploymentTarget {
    /** A rollout script. */
    interface Script {
        RolloutResult run(TargetPlan plan, ScriptedTarget target) throws IOException, InterruptedException;
    }

    final AtomicReference<ServingState> state = new AtomicReference<>(ServingState.absent());
    final List<TargetPlan> rollouts = new ArrayList<>();
    final List<TargetPlan> aborts = new ArrayList<>();
    volatile Script script = (plan, target) -> {
        target.state.set(ServingState.serving(plan.version(), true));
        return RolloutResult.completed();
    };
    volatile String unsupported = "";

    @Override
    public String unsupported(DeploymentStrategy strategy) {
        return unsupported;
    }

    @Override
    public ServingState observe(String model) {
        return state.get();
    }

    @Override
    public RolloutResult rollout(TargetPlan plan, DeploymentProgress progress) throws IOException, InterruptedException {
        synchronized (rollouts) {
            rollouts.add(plan);
        }
        return script.run(plan, this);
    }

    @Override
    public void abort(TargetPlan plan, DeploymentProgress progress) {
        aborts.add(plan);
        if (plan.previousVersion() != null) {
            state.set(ServingState.serving(plan.previousVersion(), true));
        }
    }
}

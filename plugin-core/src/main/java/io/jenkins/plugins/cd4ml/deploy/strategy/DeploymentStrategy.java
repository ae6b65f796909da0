package io.jenkins.plugins.cd4ml.deploy.strategy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;
import java.util.List;

/**
 * How a new model version replaces the one that serves: an immutable, validated value. Limits mirror
 * SageMaker deployment guardrails (see {@link Guardrails}); invalid values are refused by the
 * constructors with an {@link InvalidStrategyException} that says which limit was broken.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AllAtOnce.class, name = AllAtOnce.NAME),
        @JsonSubTypes.Type(value = Canary.class, name = Canary.NAME),
        @JsonSubTypes.Type(value = Linear.class, name = Linear.NAME),
        @JsonSubTypes.Type(value = Shadow.class, name = Shadow.NAME),
        @JsonSubTypes.Type(value = BlueGreen.class, name = BlueGreen.NAME)
})
public sealed interface DeploymentStrategy extends Serializable
        permits AllAtOnce, Canary, Linear, Shadow, BlueGreen {
    /** @return the strategy's name as users write it ({@code canary}, {@code blue-green}, …) */
    String name();

    /** @return seconds the new version is watched (per step) before it takes more traffic or is final */
    int bakeSeconds();

    /** @return the rollback alarms watched while baking (CloudWatch alarm names on SageMaker) */
    List<String> alarms();

    /** @return a one-line summary for logs and the build page */
    String describe();
}

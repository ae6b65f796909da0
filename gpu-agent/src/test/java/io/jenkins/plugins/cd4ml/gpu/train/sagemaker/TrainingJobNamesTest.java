package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Job names are valid for SageMaker and stable, whatever the identity. */
class TrainingJobNamesTest {
    @Property(tries = 300)
    void anyIdentityGivesAValidStableName(@ForAll @StringLength(max = 300) String identity) {
        TrainingJobSpec spec = SageMakerTrainerTest.spotSpec().build();
        String name = TrainingJobNames.of(identity, spec);

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches(TrainingJobNames.PATTERN);
        assertThat(TrainingJobNames.of(identity, SageMakerTrainerTest.spotSpec().build())).isEqualTo(name);
    }

    @Property(tries = 100)
    void anyChangeOfTheSpecChangesTheName(@ForAll @StringLength(min = 1, max = 20) String epochs) {
        TrainingJobSpec base = SageMakerTrainerTest.spotSpec().build();
        TrainingJobSpec changed = SageMakerTrainerTest.spotSpec().hyperparameter("epochs", "10" + epochs).build();

        assertThat(TrainingJobNames.of("jobs/x#1", changed)).isNotEqualTo(TrainingJobNames.of("jobs/x#1", base));
    }
}

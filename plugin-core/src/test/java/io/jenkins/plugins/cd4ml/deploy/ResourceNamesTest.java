package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Names of created resources are deterministic and valid for SageMaker and Kubernetes. */
class ResourceNamesTest {
    @Property
    void namesAreValidDeterministicAndDistinct(@ForAll @StringLength(min = 1, max = 80) String model,
            @ForAll @StringLength(min = 1, max = 20) String version, @ForAll @StringLength(min = 1, max = 32) String env) {
        String name = ResourceNames.forVersion(model, version, env);
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
        assertThat(name).doesNotContain("--");
        assertThat(ResourceNames.forVersion(model, version, env)).isEqualTo(name);
        assertThat(ResourceNames.forVersion(model, version + "x", env)).isNotEqualTo(name);
        assertThat(ResourceNames.forService(model, env)).hasSizeLessThanOrEqualTo(63).matches("[a-z][-a-z0-9]*");
    }
}

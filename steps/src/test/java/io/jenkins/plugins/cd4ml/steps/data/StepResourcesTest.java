package io.jenkins.plugins.cd4ml.steps.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundSetter;

/** Every data step ships a snippet-generator form and a help file for itself and for each argument. */
class StepResourcesTest {
    @ParameterizedTest
    @ValueSource(classes = {ValidateDataStep.class, DetectDriftStep.class})
    void everyArgumentHasAFormFieldAndAHelpFile(Class<?> step) throws Exception {
        List<String> arguments = new ArrayList<>(StepArguments.requiredArgumentNames(step));
        for (Method method : step.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                arguments.add(Introspector.decapitalize(method.getName().substring(3)));
            }
        }
        String folder = step.getSimpleName() + "/";
        assertThat(step.getResource(folder + "help.html")).isNotNull();
        String jelly = new String(step.getResourceAsStream(folder + "config.jelly").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jelly).startsWith("<?jelly escape-by-default='true'?>");
        for (String argument : arguments) {
            assertThat(step.getResource(folder + "help-" + argument + ".html")).as("help-%s.html", argument).isNotNull();
            assertThat(jelly).as("config.jelly field %s", argument).contains("field=\"" + argument + "\"");
        }
    }
}

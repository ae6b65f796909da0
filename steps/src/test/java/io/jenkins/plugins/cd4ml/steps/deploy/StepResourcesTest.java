package io.jenkins.plugins.cd4ml.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundSetter;

/** Every step and strategy has a config.jelly naming each field, a help.html and a help file per field. */
class StepResourcesTest {
    @ParameterizedTest
    @ValueSource(classes = {DeployModelStep.class, PromoteModelStep.class, AllAtOnceStrategy.class,
            CanaryStrategy.class, LinearStrategy.class, ShadowStrategy.class, BlueGreenStrategy.class})
    void everyFieldHasAFormEntryAndHelp(Class<?> type) throws IOException {
        String config = resource(type, "config.jelly");
        assertThat(resource(type, "help.html")).contains("<div>");
        for (String field : fields(type)) {
            assertThat(config).as(type.getSimpleName() + " config.jelly").contains("field=\"" + field + "\"");
            assertThat(resource(type, "help-" + field + ".html")).as(type.getSimpleName() + " " + field)
                    .contains("<div>");
        }
    }

    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>(StepArguments.requiredArgumentNames(type));
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                fields.add(Introspector.decapitalize(method.getName().substring(3)));
            }
        }
        return fields;
    }

    private static String resource(Class<?> type, String name) throws IOException {
        String path = "/" + type.getName().replace('.', '/') + "/" + name;
        try (InputStream in = type.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

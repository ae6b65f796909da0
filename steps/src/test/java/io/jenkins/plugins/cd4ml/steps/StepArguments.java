package io.jenkins.plugins.cd4ml.steps;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Binds named step arguments the way structs' {@code DescribableModel} does at run time: the
 * {@link DataBoundConstructor}'s parameters by their compiled names (so the test fails when the
 * module is not compiled with {@code -parameters}), then {@link DataBoundSetter} methods; an
 * unknown argument is an error. Lets step tests check argument binding without Jenkins.
 */
public final class StepArguments {
    private StepArguments() {
    }

    public static <T> T bind(Class<T> type, Map<String, Object> arguments) throws ReflectiveOperationException {
        Map<String, Object> remaining = new HashMap<>(arguments);
        Constructor<?> constructor = dataBoundConstructor(type);
        Parameter[] parameters = constructor.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isNamePresent()) {
                throw new IllegalStateException(type.getName()
                        + ": @DataBoundConstructor parameter names are missing (compile with -parameters)");
            }
            String name = parameters[i].getName();
            if (!remaining.containsKey(name)) {
                throw new IllegalArgumentException("missing required argument '" + name + "'");
            }
            values[i] = remaining.remove(name);
        }
        T instance = type.cast(newInstance(constructor, values));
        for (Method setter : type.getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class) && setter.getName().startsWith("set")) {
                String name = Introspector.decapitalize(setter.getName().substring(3));
                if (remaining.containsKey(name)) {
                    setter.invoke(instance, remaining.remove(name));
                }
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("unknown argument(s) " + remaining.keySet()
                    + " for " + type.getSimpleName());
        }
        return instance;
    }

    public static List<String> requiredArgumentNames(Class<?> type) {
        return Arrays.stream(dataBoundConstructor(type).getParameters()).map(Parameter::getName).toList();
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getName() + " has no public @DataBoundConstructor"));
    }

    private static Object newInstance(Constructor<?> constructor, Object[] values)
            throws ReflectiveOperationException {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e;
        }
    }
}

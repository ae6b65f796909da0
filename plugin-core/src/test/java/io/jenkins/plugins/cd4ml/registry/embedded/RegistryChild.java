package io.jenkins.plugins.cd4ml.registry.embedded;

import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.WriteHook.WritePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate JVM process that writes to an embedded store, for the multi-process and crash tests.
 *
 * <pre>
 * register STORE MODEL FILE BARRIER PAUSE   wait until BARRIER exists, register FILE, print "VERSION n"
 * alias STORE MODEL ALIAS VERSION PAUSE     move ALIAS to VERSION
 * loop STORE MODEL FILE                      register FILE again and again, print STARTED after the first
 * </pre>
 * PAUSE is a {@link WritePoint} name or {@code -}: on reaching it the process prints
 * {@code PAUSED point} and sleeps until it is killed.
 */
public final class RegistryChild {
    private RegistryChild() {
    }

    public static void main(String... args) throws Exception {
        Path store = Path.of(args[1]);
        String model = args[2];
        switch (args[0]) {
            case "register" -> {
                EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(store, Clock.systemUTC(), pauseAt(args[5]));
                Path barrier = Path.of(args[4]);
                while (!Files.exists(barrier)) {
                    Thread.sleep(5);
                }
                int version = registry.register(Registration.builder(model)
                        .artifact("model.bin", Path.of(args[3])).registeredBy("child").build()).version();
                System.out.println("VERSION " + version);
            }
            case "alias" -> EmbeddedModelRegistry.open(store, Clock.systemUTC(), pauseAt(args[5]))
                    .setAlias(model, args[3], Integer.parseInt(args[4]), "child", "moved by a child process");
            case "loop" -> {
                EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(store);
                for (int i = 0; ; i++) {
                    registry.register(Registration.builder(model).artifact("model.bin", Path.of(args[3]))
                            .artifact("n.txt", write(store.resolveSibling("n-" + ProcessHandle.current().pid()), i))
                            .build());
                    if (i == 0) {
                        System.out.println("STARTED");
                        System.out.flush();
                    }
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
    }

    private static Path write(Path file, int i) throws java.io.IOException {
        Files.writeString(file, Integer.toString(i));
        return file;
    }

    private static WriteHook pauseAt(String point) {
        if (point.equals("-")) {
            return WriteHook.NONE;
        }
        WritePoint target = WritePoint.valueOf(point);
        return reached -> {
            if (reached == target) {
                System.out.println("PAUSED " + reached);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}

package io.jenkins.plugins.cd4ml.packaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import net.java.sezpoz.impl.SerAnnotatedElement;

/**
 * Finds the packaging mistakes that let a plugin show as active in Jenkins while its steps do not
 * exist (see docs/architecture.md): each problem is one line saying what is wrong and where.
 */
final class HpiInspector {
    static final List<String> REQUIRED_MANIFEST_ENTRIES = List.of(
            "Manifest-Version", "Group-Id", "Artifact-Id", "Short-Name", "Extension-Name", "Long-Name",
            "Plugin-Version", "Implementation-Version", "Jenkins-Version", "Minimum-Java-Version",
            "Plugin-Dependencies", "Support-Dynamic-Loading", "Url", "Plugin-Developers");

    static final String EXTENSION_INDEX = "META-INF/annotations/hudson.Extension";

    /** annotation-indexer's index of {@code @Symbol}, read by structs' {@code SymbolLookup}. */
    static final String SYMBOL_INDEX = "META-INF/annotations/org.jenkinsci.Symbol";

    private static final String SYMBOL = "Lorg/jenkinsci/Symbol;";

    private static final String DATA_BOUND_CONSTRUCTOR = "Lorg/kohsuke/stapler/DataBoundConstructor;";

    private static final Pattern DEPENDENCY = Pattern.compile("[a-z0-9][a-z0-9-]*:[\\w.-]+(;resolution:=optional)?");

    /** Packages whose classes Jenkins core already has: a jar holding them shadows or duplicates core. */
    private static final List<String> PROVIDED_BY_CORE = List.of(
            "hudson/", "jenkins/", "org/kohsuke/stapler/", "org/jenkinsci/remoting/", "org/jenkinsci/Symbol",
            "com/google/common/", "org/slf4j/", "net/java/sezpoz/", "edu/umd/cs/findbugs/annotations/",
            "javax/annotation/", "jakarta/servlet/");

    /** Package prefix → the plugin that provides it; longer prefixes first. */
    private static final Map<String, String> PROVIDED_BY_PLUGIN = providedByPlugin();

    private HpiInspector() {
    }

    private static Map<String, String> providedByPlugin() {
        Map<String, String> plugins = new LinkedHashMap<>();
        plugins.put("org/jenkinsci/plugins/workflow/steps/", "workflow-step-api");
        plugins.put("org/jenkinsci/plugins/workflow/support/", "workflow-support");
        plugins.put("org/jenkinsci/plugins/workflow/cps/", "workflow-cps");
        plugins.put("org/jenkinsci/plugins/workflow/job/", "workflow-job");
        plugins.put("org/jenkinsci/plugins/workflow/", "workflow-api");
        plugins.put("org/jenkinsci/plugins/structs/", "structs");
        plugins.put("org/jenkinsci/plugins/plaincredentials/", "plain-credentials");
        // optional (resolution:=optional): its classes are only loaded when it is installed
        plugins.put("com/cloudbees/jenkins/plugins/awscredentials/", "aws-credentials");
        plugins.put("com/amazonaws/auth/", "aws-credentials");
        plugins.put("com/cloudbees/plugins/credentials/", "credentials");
        plugins.put("io/jenkins/plugins/checks/", "checks-api");
        // Jackson, and SnakeYAML through jackson2-api's own dependency snakeyaml-api
        plugins.put("com/fasterxml/jackson/", "jackson2-api");
        plugins.put("org/yaml/snakeyaml/", "jackson2-api");
        return plugins;
    }

    /**
     * @param hpi the plugin archive
     * @return every problem found; empty when Jenkins will load the plugin and its extensions
     */
    static List<String> inspect(Hpi hpi) {
        List<String> problems = new ArrayList<>();
        checkManifest(hpi, problems);
        if (!hpi.files().containsKey(Hpi.PLUGIN_JAR)) {
            problems.add("no " + Hpi.PLUGIN_JAR + ": the plugin's classes are missing");
            return problems;
        }
        hpi.files().keySet().stream().filter(p -> p.startsWith("WEB-INF/classes/")).findFirst()
                .ifPresent(p -> problems.add("classes under WEB-INF/classes/ (" + p + "): put them in " + Hpi.PLUGIN_JAR));
        Map<String, ClassFile> pluginClasses = new LinkedHashMap<>();
        Set<String> referenced = new TreeSet<>();
        for (String jarPath : hpi.files().keySet()) {
            if (!jarPath.startsWith("WEB-INF/lib/") || !jarPath.endsWith(".jar")) {
                continue;
            }
            Map<String, byte[]> jar = hpi.jar(jarPath);
            boolean ours = jarPath.equals(Hpi.PLUGIN_JAR) || jarPath.startsWith("WEB-INF/lib/cd4ml-");
            checkLibrary(jarPath, jar, ours, problems);
            for (Map.Entry<String, Object> entry : classesOf(hpi.files().get(jarPath), jar).entrySet()) {
                String name = entry.getKey();
                if (!(entry.getValue() instanceof ClassFile classFile)) {
                    problems.add(jarPath + "!/" + name + ": unreadable class file (" + entry.getValue() + ")");
                    continue;
                }
                if (classFile.majorVersion() > ClassFile.JAVA_17) {
                    problems.add(jarPath + "!/" + name + ": compiled for Java " + (classFile.majorVersion() - 44)
                            + " (class file " + classFile.majorVersion() + "), but Jenkins may run on Java 17;"
                            + " compile with --release 17");
                }
                referenced.addAll(classFile.referencedTypes());
                if (jarPath.equals(Hpi.PLUGIN_JAR)) {
                    pluginClasses.put(classFile.name(), classFile);
                    checkDataBoundConstructors(classFile, problems);
                }
            }
        }
        checkExtensionIndex(hpi, pluginClasses, problems);
        checkSymbolIndex(hpi, pluginClasses, problems);
        checkPluginDependencies(hpi, referenced, problems);
        checkOptionalDependencies(hpi, pluginClasses, problems);
        return problems;
    }

    /** Parsed classes per jar (by identity of its bytes): tests inspect many copies of one archive. */
    private static final Map<byte[], Map<String, Object>> PARSED = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    /** @return entry name → {@link ClassFile}, or the parse error's message */
    private static Map<String, Object> classesOf(byte[] jarBytes, Map<String, byte[]> jar) {
        Map<String, Object> cached = PARSED.get(jarBytes);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> classes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : jar.entrySet()) {
            String name = entry.getKey();
            if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                continue;
            }
            try {
                classes.put(name, ClassFile.parse(entry.getValue()));
            } catch (IOException e) {
                classes.put(name, String.valueOf(e.getMessage()));
            }
        }
        PARSED.put(jarBytes, classes);
        return classes;
    }

    private static void checkManifest(Hpi hpi, List<String> problems) {
        if (hpi.manifest() == null) {
            problems.add("no META-INF/MANIFEST.MF");
            return;
        }
        for (String entry : REQUIRED_MANIFEST_ENTRIES) {
            String value = hpi.attribute(entry);
            if (value == null || value.isBlank()) {
                problems.add("manifest entry " + entry + " is missing");
            }
        }
        if (!"cd4ml".equals(hpi.attribute("Short-Name"))) {
            problems.add("manifest Short-Name is '" + hpi.attribute("Short-Name") + "', expected 'cd4ml'");
        }
        if (hpi.attribute("Minimum-Java-Version") != null && !"17".equals(hpi.attribute("Minimum-Java-Version"))) {
            problems.add("manifest Minimum-Java-Version is " + hpi.attribute("Minimum-Java-Version") + ", expected 17");
        }
        for (String dependency : dependencies(hpi).values()) {
            if (!DEPENDENCY.matcher(dependency).matches()) {
                problems.add("manifest Plugin-Dependencies entry '" + dependency
                        + "' is not 'id:version[;resolution:=optional]'");
            }
        }
    }

    private static void checkLibrary(String jarPath, Map<String, byte[]> jar, boolean ours, List<String> problems) {
        Optional<String> provided = jar.keySet().stream()
                .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                .filter(name -> PROVIDED_BY_CORE.stream().anyMatch(name::startsWith)
                        || PROVIDED_BY_PLUGIN.keySet().stream().anyMatch(name::startsWith))
                .findFirst();
        provided.ifPresent(name -> problems.add(jarPath + " bundles " + name
                + ", which Jenkins core or a dependency plugin provides (a stub or a duplicate library)"));
        if (ours && !whitelisted(jar)) {
            problems.add(jarPath + ": its manifest lacks 'Jenkins-ClassFilter-Whitelisted: true', so Jenkins"
                    + " rejects its classes when they cross the agent channel or sit in build records");
        }
    }

    private static boolean whitelisted(Map<String, byte[]> jar) {
        byte[] manifest = jar.get("META-INF/MANIFEST.MF");
        if (manifest == null) {
            return false;
        }
        try {
            return "true".equals(new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes()
                    .getValue("Jenkins-ClassFilter-Whitelisted"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkDataBoundConstructors(ClassFile classFile, List<String> problems) {
        for (ClassFile.Method method : classFile.methods()) {
            if (!method.name().equals("<init>") || !method.annotations().contains(DATA_BOUND_CONSTRUCTOR)) {
                continue;
            }
            List<String> names = method.parameterNames();
            if (method.parameterCount() > 0
                    && (names == null || names.size() != method.parameterCount() || names.contains(null))) {
                problems.add(classFile.name().replace('/', '.') + ": @DataBoundConstructor" + method.descriptor()
                        + " has no recorded parameter names; compile with -parameters");
            }
        }
    }

    private static void checkExtensionIndex(Hpi hpi, Map<String, ClassFile> pluginClasses, List<String> problems) {
        byte[] index = hpi.jar(Hpi.PLUGIN_JAR).get(EXTENSION_INDEX);
        if (index == null) {
            problems.add(Hpi.PLUGIN_JAR + " has no " + EXTENSION_INDEX
                    + ": Jenkins finds no @Extension, so no step exists (run SezPoz as annotation processor)");
            return;
        }
        List<String> entries;
        try {
            entries = readSezPozIndex(index);
        } catch (IOException | ClassNotFoundException e) {
            problems.add(EXTENSION_INDEX + " is not a SezPoz index: " + e);
            return;
        }
        if (entries.isEmpty()) {
            problems.add(EXTENSION_INDEX + " is empty: Jenkins finds no @Extension");
        }
        for (String className : entries) {
            if (!pluginClasses.containsKey(className.replace('.', '/'))) {
                problems.add(EXTENSION_INDEX + " names " + className + ", which is not in " + Hpi.PLUGIN_JAR);
            }
        }
    }

    private static void checkSymbolIndex(Hpi hpi, Map<String, ClassFile> pluginClasses, List<String> problems) {
        byte[] index = hpi.jar(Hpi.PLUGIN_JAR).get(SYMBOL_INDEX);
        Set<String> listed = new TreeSet<>();
        if (index != null) {
            new String(index, java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty()).forEach(listed::add);
        }
        for (ClassFile classFile : pluginClasses.values()) {
            String className = classFile.name().replace('/', '.');
            if (classFile.annotations().contains(SYMBOL) && !listed.contains(className)) {
                problems.add(className + " has @Symbol but " + SYMBOL_INDEX
                        + " does not list it: its symbol will not resolve (run IndexedAnnotationProcessor)");
            }
        }
        for (String className : listed) {
            if (!pluginClasses.containsKey(className.replace('.', '/'))) {
                problems.add(SYMBOL_INDEX + " names " + className + ", which is not in " + Hpi.PLUGIN_JAR);
            }
        }
    }

    /** @return the class names a SezPoz index lists, in its order */
    static List<String> readSezPozIndex(byte[] index) throws IOException, ClassNotFoundException {
        return readSezPozElements(index).stream().map(e -> e.className).toList();
    }

    /** Reads SezPoz's format: serialized {@code SerAnnotatedElement}s up to a {@code null}. */
    static List<SerAnnotatedElement> readSezPozElements(byte[] index) throws IOException, ClassNotFoundException {
        List<SerAnnotatedElement> elements = new ArrayList<>();
        if (index.length == 0) {
            return elements;
        }
        try (InputStream bytes = new ByteArrayInputStream(index);
                ObjectInputStream in = new ObjectInputStream(bytes)) {
            in.setObjectInputFilter(info -> info.serialClass() == null
                    || info.serialClass().getName().startsWith("net.java.sezpoz.impl.")
                    || info.serialClass().getName().startsWith("java.")
                    ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED);
            for (Object o = in.readObject(); o != null; o = in.readObject()) {
                elements.add((SerAnnotatedElement) o);
            }
        }
        return elements;
    }

    private static void checkPluginDependencies(Hpi hpi, Set<String> referenced, List<String> problems) {
        Set<String> declared = dependencies(hpi).keySet();
        Map<String, String> needed = new LinkedHashMap<>();
        for (String type : referenced) {
            for (Map.Entry<String, String> plugin : PROVIDED_BY_PLUGIN.entrySet()) {
                if (type.startsWith(plugin.getKey())) {
                    needed.putIfAbsent(plugin.getValue(), type.replace('/', '.'));
                    break;
                }
            }
            if ((type.startsWith("org/jenkinsci/plugins/") || type.startsWith("io/jenkins/plugins/")
                    || type.startsWith("com/cloudbees/"))
                    && !type.startsWith("io/jenkins/plugins/cd4ml/")
                    && PROVIDED_BY_PLUGIN.keySet().stream().noneMatch(type::startsWith)) {
                problems.add("classes refer to " + type.replace('/', '.')
                        + ", from a plugin this check does not know: add it to Plugin-Dependencies and here");
            }
        }
        for (Map.Entry<String, String> need : needed.entrySet()) {
            if (!declared.contains(need.getKey())) {
                problems.add("classes refer to " + need.getValue() + " but Plugin-Dependencies lacks "
                        + need.getKey() + " (NoClassDefFoundError at run time)");
            }
        }
    }

    /**
     * An optional plugin's classes are missing when it is not installed. Jenkins then skips an
     * {@code @Extension(optional = true)} that cannot load, quietly; any other class that needs them
     * fails with {@code NoClassDefFoundError} when loaded. So only optional extensions (and their
     * nested classes) may refer to an optional plugin, and no other class may name them.
     */
    private static void checkOptionalDependencies(Hpi hpi, Map<String, ClassFile> pluginClasses, List<String> problems) {
        Map<String, String> optionalPrefixes = new LinkedHashMap<>();
        dependencies(hpi).forEach((id, entry) -> {
            if (entry.endsWith(";resolution:=optional")) {
                PROVIDED_BY_PLUGIN.forEach((prefix, plugin) -> {
                    if (plugin.equals(id)) {
                        optionalPrefixes.put(prefix, plugin);
                    }
                });
            }
        });
        if (optionalPrefixes.isEmpty()) {
            return;
        }
        Set<String> optionalExtensions;
        try {
            byte[] index = hpi.jar(Hpi.PLUGIN_JAR).get(EXTENSION_INDEX);
            if (index == null || readSezPozIndex(index).isEmpty()) {
                return; // reported by checkExtensionIndex: no extension loads at all
            }
            optionalExtensions = optionalExtensions(index);
        } catch (IOException | ClassNotFoundException e) {
            return; // reported by checkExtensionIndex
        }
        for (ClassFile classFile : pluginClasses.values()) {
            String home = outermost(classFile.name());
            boolean optional = optionalExtensions.contains(home);
            boolean reported = false;
            for (String type : classFile.referencedTypes()) {
                for (Map.Entry<String, String> prefix : optionalPrefixes.entrySet()) {
                    if (type.startsWith(prefix.getKey()) && !optional && !reported) {
                        problems.add(classFile.name().replace('/', '.') + " refers to " + type.replace('/', '.')
                                + " of the optional plugin " + prefix.getValue() + " but is not an"
                                + " @Extension(optional = true): without that plugin it fails to load"
                                + " (NoClassDefFoundError)");
                        reported = true;
                    }
                }
                String typeHome = outermost(type);
                if (!optional && !typeHome.equals(home) && optionalExtensions.contains(typeHome)) {
                    problems.add(classFile.name().replace('/', '.') + " names the optional extension "
                            + typeHome.replace('/', '.') + ", which needs an optional plugin: reach it through"
                            + " ExtensionList only");
                }
            }
        }
    }

    private static String outermost(String internalName) {
        int nested = internalName.indexOf('$');
        return nested < 0 ? internalName : internalName.substring(0, nested);
    }

    /** @return internal names of the classes the SezPoz index lists with {@code optional = true} */
    static Set<String> optionalExtensions(byte[] index) throws IOException, ClassNotFoundException {
        Set<String> optional = new TreeSet<>();
        for (SerAnnotatedElement element : readSezPozElements(index)) {
            if (Boolean.TRUE.equals(element.values.get("optional"))) {
                optional.add(element.className.replace('.', '/'));
            }
        }
        return optional;
    }

    /** @return plugin id → the whole entry, from {@code Plugin-Dependencies} */
    static Map<String, String> dependencies(Hpi hpi) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        String value = hpi.attribute("Plugin-Dependencies");
        if (value != null && !value.isBlank()) {
            for (String entry : value.split(",")) {
                dependencies.put(entry.substring(0, Math.max(entry.indexOf(':'), 0)).trim(), entry.trim());
            }
        }
        return dependencies;
    }
}

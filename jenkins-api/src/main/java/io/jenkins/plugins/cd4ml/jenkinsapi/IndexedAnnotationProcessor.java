package io.jenkins.plugins.cd4ml.jenkinsapi;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the index Jenkins' annotation-indexer library reads ({@code Index.list(…)}) for every
 * annotation meta-annotated {@code @org.jvnet.hudson.annotation_indexer.Indexed} — above all
 * {@code @org.jenkinsci.Symbol}, which structs' {@code SymbolLookup} finds only through
 * {@code META-INF/annotations/org.jenkinsci.Symbol}. Without it, {@code @Symbol} names of
 * describables (e.g. {@code canary(…)} inside a step argument) silently do not resolve.
 *
 * <p>The format is annotation-indexer's: one file per annotation, the binary names of the classes
 * that use it (on the class or a member), sorted, one per line. This is our own processor because
 * annotation-indexer is published only to the Jenkins repository; {@code steps/pom.xml} runs it next
 * to SezPoz. Not a stub: the one build-time class in this module, never packaged into the .hpi.
 */
@SupportedAnnotationTypes("*")
public final class IndexedAnnotationProcessor extends AbstractProcessor {
    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";

    private final Map<String, Set<String>> uses = new TreeMap<>();
    private final Map<String, List<Element>> origins = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            if (!isIndexed(annotation)) {
                continue;
            }
            String name = processingEnv.getElementUtils().getBinaryName(annotation).toString();
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                TypeElement type = enclosingType(element);
                if (type != null) {
                    uses.computeIfAbsent(name, k -> new TreeSet<>())
                            .add(processingEnv.getElementUtils().getBinaryName(type).toString());
                    origins.computeIfAbsent(name, k -> new ArrayList<>()).add(element);
                }
            }
        }
        if (round.processingOver()) {
            uses.forEach(this::write);
        }
        return false;
    }

    private static boolean isIndexed(TypeElement annotation) {
        for (AnnotationMirror meta : annotation.getAnnotationMirrors()) {
            if (((TypeElement) meta.getAnnotationType().asElement()).getQualifiedName().contentEquals(INDEXED)) {
                return true;
            }
        }
        return false;
    }

    private static TypeElement enclosingType(Element element) {
        Element e = element;
        while (e != null && !(e instanceof TypeElement)) {
            e = e.getEnclosingElement();
        }
        return (TypeElement) e;
    }

    private void write(String annotation, Set<String> classes) {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                    "META-INF/annotations/" + annotation, origins.get(annotation).toArray(Element[]::new));
            try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : classes) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "cannot write the index of @" + annotation + ": " + e);
        }
    }
}

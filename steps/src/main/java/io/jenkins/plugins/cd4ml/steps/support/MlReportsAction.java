package io.jenkins.plugins.cd4ml.steps.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.steps.ui.MlReport;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jenkins.model.RunAction2;

/**
 * The ML reports of one build: one action per build, one JSON section per step call (e.g.
 * {@code validateData}, {@code qualityGate}, {@code registerModel}). Sections are the engine's JSON
 * reports as strings, so the build record does not depend on engine classes (old builds stay
 * readable when the report model grows) and views or the CLI can read them as they are.
 *
 * <p>Steps call {@link #record(Run, String, String)}; views read {@link #getSections()}.
 */
public class MlReportsAction implements RunAction2 {
    /** Section names: a step name, optionally followed by {@code :} and the user's id for that call. */
    private static final Pattern SECTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(:[A-Za-z0-9._-]{1,100})?");

    /** The plugin's icon, served from the .hpi's static resources ({@code images/cd4ml.svg}). */
    public static final String ICON = "/plugin/cd4ml/images/cd4ml.svg";

    private final Map<String, String> sections = new LinkedHashMap<>();

    private transient Run<?, ?> run;

    /**
     * Adds or replaces one section of the build's ML reports and saves the build.
     *
     * @param run the build
     * @param section e.g. {@code validateData} or {@code qualityGate:accuracy}
     * @param json the engine's report, a JSON object with a {@code schemaVersion}
     * @return the build's action
     * @throws IOException if the build cannot be saved
     * @throws IllegalArgumentException if the name or the JSON is malformed
     */
    public static MlReportsAction record(@NonNull Run<?, ?> run, @NonNull String section, @NonNull String json)
            throws IOException {
        MlReportsAction action;
        synchronized (run) {
            action = run.getAction(MlReportsAction.class);
            if (action == null) {
                action = new MlReportsAction();
                action.put(section, json);
                run.addAction(action);
            } else {
                action.put(section, json);
            }
        }
        run.save();
        return action;
    }

    /**
     * Adds or replaces a section (without saving the build: use {@link #record}).
     *
     * @param section the section name
     * @param json a JSON object with a {@code schemaVersion}
     */
    public synchronized void put(@NonNull String section, @NonNull String json) {
        if (!SECTION_NAME.matcher(section).matches()) {
            throw new IllegalArgumentException("invalid report section name '" + section
                    + "': expected a step name, optionally followed by ':' and an id");
        }
        requireReport(section, json);
        sections.put(section, json);
    }

    /** @return all sections in the order they were first recorded */
    public synchronized @NonNull Map<String, String> getSections() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /**
     * @param section the section name
     * @return its JSON, if the build has it
     */
    public synchronized Optional<String> getSection(@NonNull String section) {
        return Optional.ofNullable(sections.get(section));
    }

    /** @return the build these reports belong to, once attached */
    public @CheckForNull Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /**
     * @return the view model of these reports, read afresh from the stored JSON (the build page's
     *     summary and the report page read only this)
     */
    public @NonNull MlReport getReport() {
        return MlReport.of(getSections());
    }

    /** The sidebar link: an image the plugin serves from its static resources. */
    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return "ML report";
    }

    @Override
    public String getUrlName() {
        return "cd4ml";
    }

    private static void requireReport(String section, String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report section '" + section + "' is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.hasNonNull("schemaVersion")) {
            throw new IllegalArgumentException("report section '" + section
                    + "' must be a JSON object with a schemaVersion");
        }
    }
}

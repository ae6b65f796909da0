package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The view model of a build's ML reports: every section, and the overall verdict (the worst of
 * the sections). The build page's summary and the report page read only this.
 */
public final class MlReport {
    private final List<ReportSection> sections;

    private MlReport(List<ReportSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /**
     * @param sections the recorded sections (name → JSON), as {@code MlReportsAction#getSections()} gives them
     * @return the view model
     */
    public static MlReport of(Map<String, String> sections) {
        List<ReportSection> result = new ArrayList<>();
        sections.forEach((key, json) -> {
            try {
                JsonNode tree = Json.mapper().readTree(json);
                result.add(tree != null && tree.isObject() ? ReportSection.read(key, tree)
                        : ReportSection.unreadable(key, "the recorded report is not a JSON object"));
            } catch (JsonProcessingException e) {
                result.add(ReportSection.unreadable(key, "the recorded report is not JSON: " + e.getOriginalMessage()));
            }
        });
        return new MlReport(result);
    }

    public List<ReportSection> getSections() {
        return sections;
    }

    /** @return the worst verdict of all sections ({@code UNKNOWN} when there is none) */
    public Status getVerdict() {
        return sections.stream().map(ReportSection::getVerdict).reduce(Status.UNKNOWN, Status::worst);
    }

    /**
     * @param status a verdict
     * @return how many sections have it
     */
    public long countSections(Status status) {
        return sections.stream().filter(s -> s.getVerdict() == status).count();
    }

    /** @return one line per verdict that occurs, e.g. {@code 3 passed, 1 unstable} (for the summary box) */
    public String getSectionCounts() {
        List<String> parts = new ArrayList<>();
        for (Status status : Status.values()) {
            long count = countSections(status);
            if (count > 0) {
                parts.add(count + " " + status.getLabel().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }

    /** @return checks of all sections by outcome, e.g. {@code 41 passed, 2 failed, 1 no baseline} */
    public String getCheckCounts() {
        List<String> parts = new ArrayList<>();
        for (Status status : Status.values()) {
            long count = sections.stream().mapToLong(s -> s.count(status)).sum();
            if (count > 0) {
                parts.add(count + " " + status.getLabel().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }
}

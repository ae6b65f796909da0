package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step of a deployment, in time order: when, which environment, what happened (e.g. canary at
 * 10 %, promoted, rolled back) and how it ended.
 */
public final class TimelineEvent {
    private final String time;
    private final String environment;
    private final String event;
    private final String version;
    private final Status status;
    private final String message;

    TimelineEvent(String time, String environment, String event, String version, Status status, String message) {
        this.time = time;
        this.environment = environment;
        this.event = event;
        this.version = version;
        this.status = status;
        this.message = message;
    }

    static TimelineEvent of(JsonNode node, String defaultEnvironment, String defaultVersion) {
        String environment = JsonText.text(node, "environment", "target");
        String version = JsonText.text(node, "version", "modelVersion");
        return new TimelineEvent(JsonText.text(node, "time", "timestamp", "at"),
                environment.isEmpty() ? defaultEnvironment : environment,
                JsonText.text(node, "event", "phase", "action", "stage"),
                version.isEmpty() ? defaultVersion : version,
                Status.parse(JsonText.text(node, "status", "outcome")), JsonText.text(node, "message", "detail"));
    }

    public String getTime() {
        return time;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getEvent() {
        return event;
    }

    public String getVersion() {
        return version;
    }

    public Status getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }
}

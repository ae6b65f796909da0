package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a target really serves, read back from it (never what was requested).
 *
 * @param status the endpoint's state
 * @param traffic the share of live traffic per model version, in percent (shadows not included)
 * @param verified whether the serving versions answered a health check (and, where the target
 *     allows it, a prediction) during the read-back
 * @param detail what the target said about its state (e.g. SageMaker's {@code FailureReason}), or empty
 */
public record ServingState(Status status, Map<String, Integer> traffic, boolean verified, String detail)
        implements Serializable {
    /** The states every target maps its own onto. */
    public enum Status {
        /** Nothing is deployed for the model in the environment. */
        ABSENT,
        /** Serving and not changing. */
        IN_SERVICE,
        /** A change (update, rollback) is still in progress. */
        UPDATING,
        /** The target reports the endpoint as failed. */
        FAILED
    }

    /** Copies the traffic map (sorted, so records are stable). */
    public ServingState {
        traffic = Map.copyOf(new TreeMap<>(traffic));
        detail = detail == null ? "" : detail;
    }

    /** @return the state of a model that is not deployed */
    public static ServingState absent() {
        return new ServingState(Status.ABSENT, Map.of(), false, "");
    }

    /**
     * @param version the version
     * @param verified whether it answered
     * @return a state where one version serves all traffic
     */
    public static ServingState serving(String version, boolean verified) {
        return new ServingState(Status.IN_SERVICE, Map.of(version, 100), verified, "");
    }

    /** @return the version that serves all live traffic, if exactly one does */
    public Optional<String> soleVersion() {
        return traffic.entrySet().stream()
                .filter(entry -> entry.getValue() == 100)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * @param version a version
     * @return whether this state is in service with that version verified serving all traffic
     */
    public boolean servesOnly(String version) {
        return status == Status.IN_SERVICE && verified && soleVersion().filter(version::equals).isPresent();
    }

    /** @return a one-line summary, e.g. {@code IN_SERVICE 7=90% 8=10% (verified)} */
    public String summary() {
        StringBuilder text = new StringBuilder(status.name());
        traffic.forEach((version, share) -> text.append(' ').append(version).append('=').append(share).append('%'));
        text.append(verified ? " (verified)" : " (not verified)");
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}

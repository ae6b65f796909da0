package io.jenkins.plugins.cd4ml.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the {@code local} target serves in this process. It outlives single deployments (the
 * servers keep serving after {@code deployModel} returns) and is closed with its owner: the Jenkins
 * plugin or the {@code cd4ml} process. What should serve is also kept in state files, and a new
 * process brings it back when it first looks at an endpoint.
 */
public final class LocalServing implements AutoCloseable {
    private final Map<Path, LocalEndpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * @param stateFile the endpoint's state file
     * @param model the model
     * @param port the router's port (0 = any)
     * @param create whether to create the endpoint when it does not exist
     * @return the endpoint, or {@code null} when it does not exist and {@code create} is false
     * @throws IOException when it cannot be started
     */
    synchronized LocalEndpoint endpoint(Path stateFile, String model, int port, boolean create) throws IOException {
        Path key = stateFile.toAbsolutePath().normalize();
        LocalEndpoint endpoint = endpoints.get(key);
        if (endpoint == null) {
            if (Files.exists(key)) {
                endpoint = LocalEndpoint.restore(model, key, port);
            } else if (create) {
                endpoint = LocalEndpoint.create(model, key, port);
            } else {
                return null;
            }
            endpoints.put(key, endpoint);
        }
        return endpoint;
    }

    /**
     * The URL the model answers on in an environment, for users ({@code POST <url>/predict}).
     *
     * @param stateFile the endpoint's state file
     * @return the URL, or {@code null} when nothing runs there in this process
     */
    public String url(Path stateFile) {
        LocalEndpoint endpoint = endpoints.get(stateFile.toAbsolutePath().normalize());
        return endpoint == null ? null : endpoint.router().uri().toString();
    }

    /**
     * Stops one version's server as if it had crashed, keeping it registered (for tests of failed rollbacks).
     *
     * @param stateFile the endpoint's state file
     * @param version the version
     */
    public void crash(Path stateFile, String version) {
        LocalEndpoint endpoint = endpoints.get(stateFile.toAbsolutePath().normalize());
        if (endpoint != null) {
            endpoint.crash(version);
        }
    }

    @Override
    public synchronized void close() {
        endpoints.values().forEach(LocalEndpoint::close);
        endpoints.clear();
    }
}

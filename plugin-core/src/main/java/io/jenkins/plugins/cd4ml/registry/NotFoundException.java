package io.jenkins.plugins.cd4ml.registry;

/** The model, version, alias or artifact asked for does not exist. */
public class NotFoundException extends RegistryException {
    private static final long serialVersionUID = 1L;

    /** @param message what was not found */
    public NotFoundException(String message) {
        super(message);
    }

    static NotFoundException model(String model) {
        return new NotFoundException("unknown model '" + model + "'");
    }

    static NotFoundException version(String model, int version) {
        return new NotFoundException("unknown version " + model + " v" + version);
    }
}

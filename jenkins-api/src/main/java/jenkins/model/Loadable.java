package jenkins.model;

import java.io.IOException;

/** Stub of jenkins-core's {@code jenkins.model.Loadable}. */
public interface Loadable {

    void load() throws IOException;
}

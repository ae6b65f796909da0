package hudson.remoting;

import java.io.IOException;

/** Stub of remoting's {@code hudson.remoting.VirtualChannel}. */
public interface VirtualChannel {
    void close() throws IOException;

    void join() throws InterruptedException;
}

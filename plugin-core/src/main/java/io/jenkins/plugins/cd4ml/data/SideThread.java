package io.jenkins.plugins.cd4ml.data;

/**
 * Work run on a daemon thread beside the caller's, whose results the caller reads once it has
 * {@link #await awaited} it: e.g. sorting one class's scores while the caller sorts the other's.
 * Awaiting cannot be cut short by an interrupt (the results would be half written); the interrupt is
 * re-asserted afterwards. A failure of the work is rethrown by {@link #await}, never lost with the thread.
 */
public final class SideThread {
    private final Thread thread;
    private volatile Throwable failure;

    private SideThread(String name, Runnable work) {
        thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }, name);
        thread.setDaemon(true);
    }

    /**
     * Starts work on a new daemon thread.
     *
     * @param name the thread's name
     * @param work what it does
     * @return the running work
     */
    public static SideThread start(String name, Runnable work) {
        SideThread side = new SideThread(name, work);
        side.thread.start();
        return side;
    }

    /** Asks the work to stop: it sees its thread interrupted. */
    public void interrupt() {
        thread.interrupt();
    }

    /**
     * Waits until the work has finished, even when interrupted meanwhile.
     *
     * @throws RuntimeException or {@link Error}: what the work threw
     */
    public void await() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }
}

package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SideThreadTest {
    @Test
    void awaitingSeesWhatTheWorkWrote() {
        long[] sum = new long[1];
        SideThread side = SideThread.start("test-sum", () -> {
            for (int i = 1; i <= 1000; i++) {
                sum[0] += i;
            }
        });

        side.await();

        assertThat(sum[0]).isEqualTo(500_500);
    }

    @Test
    void aFailureOfTheWorkIsRethrownByAwait() {
        IllegalStateException broken = new IllegalStateException("broken");
        SideThread side = SideThread.start("test-failure", () -> {
            throw broken;
        });

        assertThatThrownBy(side::await).isSameAs(broken);
    }

    @Test
    void anInterruptDoesNotCutTheWaitShortAndIsKept() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        SideThread side = SideThread.start("test-slow", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        });
        Thread.currentThread().interrupt();
        SideThread releaser = SideThread.start("test-release", () -> {
            sleepQuietly(50);
            release.countDown();
        });

        side.await();

        assertThat(finished).isTrue();
        assertThat(Thread.interrupted()).as("interrupt re-asserted (and cleared here)").isTrue();
        releaser.await();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

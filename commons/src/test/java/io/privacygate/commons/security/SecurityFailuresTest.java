package io.privacygate.commons.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityFailuresTest {

    @Test
    void noCountIsLostWhileReportsDrainConcurrently() throws Exception {
        SecurityFailures failures = new SecurityFailures();
        int threads = 4;
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> counting = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String source = "10.0.0." + (t % 2);
            counting.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    failures.accessDenied(401, source);
                }
                return null;
            }));
        }
        long drained = 0;
        AtomicBoolean done = new AtomicBoolean();
        start.countDown();
        while (!done.get()) {
            drained += total(failures);
            done.set(counting.stream().allMatch(Future::isDone));
        }
        drained += total(failures);
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(drained).isEqualTo((long) threads * perThread);
    }

    @Test
    void restoredCountsAddToThoseCountedMeanwhile() {
        SecurityFailures failures = new SecurityFailures();
        failures.decryptionFailed();
        var unreported = failures.drain();
        failures.decryptionFailed();
        failures.restore(unreported);
        assertThat(failures.drain()).containsValue(2L).hasSize(1);
    }

    private static long total(SecurityFailures failures) {
        return failures.drain().values().stream().mapToLong(Long::longValue).sum();
    }
}

package io.privacygate.dsr.job;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class OneAtATimeTest {
    /** A job whose runs end when the test says so. */
    private final List<CompletableFuture<Void>> runs = new ArrayList<>();
    private final OneAtATime guard = new OneAtATime(() -> {
        CompletableFuture<Void> run = new CompletableFuture<>();
        runs.add(run);
        return Uni.createFrom().completionStage(run);
    });

    @Test
    void aRequestWithNothingRunningRunsTheJobOnce() {
        guard.request().subscribe().with(done -> { });
        runs.get(0).complete(null);
        assertThat(runs).hasSize(1);
    }

    @Test
    void aRequestDuringARunIsNotLostButRunsTheJobAgainAfterIt() {
        guard.request().subscribe().with(done -> { });
        guard.request().subscribe().with(done -> { });
        assertThat(runs).as("never two runs at once").hasSize(1);
        runs.get(0).complete(null);
        assertThat(runs).as("the request made during the run").hasSize(2);
        runs.get(1).complete(null);
        assertThat(runs).hasSize(2);
    }

    @Test
    void manyRequestsDuringARunMakeOneMoreRun() {
        guard.request().subscribe().with(done -> { });
        for (int i = 0; i < 5; i++) {
            guard.request().subscribe().with(done -> { });
        }
        runs.get(0).complete(null);
        runs.get(1).complete(null);
        assertThat(runs).hasSize(2);
    }

    @Test
    void aFailedRunDoesNotStopLaterRequests() {
        guard.request().subscribe().with(done -> { }, failure -> { });
        runs.get(0).completeExceptionally(new IllegalStateException("database down"));
        guard.request().subscribe().with(done -> { });
        assertThat(runs).hasSize(2);
    }
}

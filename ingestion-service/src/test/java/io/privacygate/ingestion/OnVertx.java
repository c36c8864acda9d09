package io.privacygate.ingestion;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs a service's work as the scheduler would: on a safe duplicated Vert.x context, and waits for its result. */
public final class OnVertx {
    private OnVertx() {
    }

    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            work.get().subscribe().with(result::complete, result::completeExceptionally);
        });
        try {
            return result.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("The work failed", e);
        }
    }
}

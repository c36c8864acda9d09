package io.privacygate.dsr.service.fanout;

import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the task worker as soon as work is committed (a request filed, verified or retried), so that a
 * request does not wait for the next poll. The poll remains the guarantee; this only saves latency.
 */
@ApplicationScoped
public class WorkerTrigger {
    public static final String ADDRESS = "dsr.worker.kick";
    private final EventBus bus;

    WorkerTrigger(EventBus bus) {
        this.bus = bus;
    }

    public void kick() {
        bus.send(ADDRESS, "");
    }
}

package io.privacygate.consent.service.decisionstate;

import io.privacygate.commons.notify.ChangeFeedSubscriber;
import io.privacygate.consent.repository.StateChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;

/** The decision state changes any replica commits, dropped from this replica's {@link DecisionCache}. */
@ApplicationScoped
class DecisionCacheFeed implements ChangeFeedSubscriber {
    private final DecisionCache cache;

    DecisionCacheFeed(DecisionCache cache) {
        this.cache = cache;
    }

    @Override
    public String channel() {
        return StateChangeRepository.CHANNEL;
    }

    @Override
    public void changed(String payload) {
        cache.invalidateAll(Arrays.asList(payload.split(",")));
    }

    @Override
    public void live(boolean live) {
        cache.live(live);
    }
}

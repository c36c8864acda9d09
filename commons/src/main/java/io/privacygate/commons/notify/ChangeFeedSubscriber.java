package io.privacygate.commons.notify;

/**
 * A holder of state that other replicas change: it names the channel it follows on the {@link ChangeFeed}, and
 * drops what a notification names. Between {@code live(false)} and {@code live(true)} notifications may have been
 * missed, so it must keep nothing it cannot check against the database.
 */
public interface ChangeFeedSubscriber {
    /** The LISTEN/NOTIFY channel: a plain lower-case identifier. */
    String channel();

    /** One notification's payload, as published by {@link ChangeNotices#publish}: keys separated by commas. */
    void changed(String payload);

    /** False when the feed is lost (drop everything and keep nothing); true once it listens again. */
    void live(boolean live);
}

package dev.tillpoint.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per viewer, the (group, post) pairs where the viewer has a contribution of their own: whose
 * summaries a read cannot take as exact (the viewer's own never count), held in memory by the
 * versions of the viewer's groups.
 *
 * <p>Exact by version, on every server: a viewer's contributions in a group change only in a
 * transaction that raises the group's version (an aggregation batch, the viewer's join or leave),
 * and only their groups' count; so what was loaded when the viewer's groups were at these versions
 * holds for every read that finds the same groups at the same versions. Loaded by one statement
 * of fixed text, after the read's own statement, so at least as fresh as its versions. A
 * contribution whose every first use is older than the longest window is left out: a summary that
 * holds it starts outside any window the held pairs are used for, so it is recomputed anyway. At
 * most {@link #MAX_VIEWERS} viewers are held; beyond, everything is dropped.
 */
@ApplicationScoped
public class ViewerContributions {

    /** An active viewer holds a few hundred pairs: tens of megabytes at most, beside a server's other memory. */
    static final int MAX_VIEWERS = 2_000;

    /** The viewer's contributed posts by group, as of the versions, for windows starting at or after {@code horizon}. */
    private record Held(Map<String, Long> versions, Instant horizon, Map<String, Set<String>> postsByGroup) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<String, Held> viewers = new ConcurrentHashMap<>();

    /**
     * The viewer's contributed posts by group, for a read that found the viewer's groups at
     * {@code versions} (a group without a version is never held) and a window starting at
     * {@code windowStart}.
     */
    Map<String, Set<String>> of(String viewerId, Map<String, Long> versions, Instant windowStart) {
        Held held = viewers.get(viewerId);
        if (held != null && held.versions().equals(versions) && !windowStart.isBefore(held.horizon())) {
            return held.postsByGroup();
        }
        Instant horizon = clock.instant().minus(Duration.ofHours(FeedPolicy.MAX_WINDOW_HOURS));
        if (windowStart.isBefore(horizon)) {
            horizon = windowStart;
        }
        Map<String, Set<String>> postsByGroup = new HashMap<>();
        for (Object row : em.createNativeQuery("select group_id, post_id from feed_contributions"
                        + " where member_id = :viewerId and latest_at > :horizon")
                .setParameter("viewerId", viewerId)
                .setParameter("horizon", horizon)
                .getResultList()) {
            Object[] c = (Object[]) row;
            postsByGroup.computeIfAbsent((String) c[0], group -> new HashSet<>()).add((String) c[1]);
        }
        if (!versions.containsValue(null)) {
            if (viewers.size() >= MAX_VIEWERS) {
                viewers.clear();
            }
            viewers.put(viewerId, new Held(Map.copyOf(versions), horizon, postsByGroup));
        }
        return postsByGroup;
    }
}

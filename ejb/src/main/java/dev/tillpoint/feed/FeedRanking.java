package dev.tillpoint.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks the posts that meet the policy, as of one instant.
 *
 * <p>{@code rankScore = score / (ageHours + 2)^1.5}, Hacker News' gravity: {@code ageHours} is the
 * time from the group's latest contribution to the post ({@link GroupScore#latestAt()}) to the
 * instant the feed is ranked at (the first page's time, carried by the cursor). The order is
 * rankScore descending, then post id ascending, a total order, so a page boundary is a position in
 * it and the next page is everything after that position.
 */
public final class FeedRanking {

    static final double GRAVITY = 1.5;
    static final double AGE_OFFSET_HOURS = 2.0;
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;

    /** The feed order: highest rankScore first, ties by post id. */
    public static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::rankScore).reversed()
            .thenComparing(Ranked::postId);

    private FeedRanking() {
    }

    /** A post placed in the feed under its best group. */
    public record Ranked(GroupScore best, double rankScore) {
        public String postId() {
            return best.postId();
        }

        /** Whether this item comes after {@code position} in the feed order. */
        boolean after(Position position) {
            int byScore = Double.compare(position.rankScore(), rankScore);
            return byScore > 0 || (byScore == 0 && postId().compareTo(position.postId()) > 0);
        }
    }

    /** A place in the feed order: the last item of a page. */
    public record Position(double rankScore, String postId) {
    }

    public static double rankScore(long score, Instant latestAt, Instant asOf) {
        double ageHours = Math.max(0, Duration.between(latestAt, asOf).toNanos()) / NANOS_PER_HOUR;
        return score / Math.pow(ageHours + AGE_OFFSET_HOURS, GRAVITY);
    }

    /** Whether {@code a} is the better group for its post than {@code b}: written out, it runs per summary scored. */
    private static boolean better(Ranked a, Ranked b) {
        if (a.best().score() != b.best().score()) {
            return a.best().score() > b.best().score();
        }
        int byRank = Double.compare(a.rankScore(), b.rankScore());
        if (byRank != 0) {
            return byRank > 0;
        }
        return a.best().groupId().compareTo(b.best().groupId()) <= 0;
    }

    /**
     * The feed as of {@code asOf}: scores that meet the policy, one per post (the group where it
     * scores highest; ties to the higher rankScore, then the smaller group id), in feed order,
     * after {@code after} when present.
     */
    public static List<Ranked> rank(List<GroupScore> scores, FeedPolicy policy, Instant asOf, Optional<Position> after) {
        Ranking ranking = new Ranking(policy, asOf);
        ranking.add(scores);
        return ranking.after(after);
    }

    /**
     * The feed as scores come in, round by round: each post under its best group so far. A score
     * never changes, so a round adds only its new scores instead of weighing all again.
     */
    static final class Ranking {
        private final FeedPolicy policy;
        private final Instant asOf;
        private final Map<String, Ranked> best = new HashMap<>();
        /** The items in feed order, once sorted since the last scores were added. */
        private List<Ranked> sorted;

        Ranking(FeedPolicy policy, Instant asOf) {
            this.policy = policy;
            this.asOf = asOf;
        }

        void add(List<GroupScore> scores) {
            for (GroupScore score : scores) {
                if (score.interactingMembers() < policy.minInteractingMembers() || score.score() < policy.minScore()) {
                    continue;
                }
                Ranked ranked = new Ranked(score, rankScore(score.score(), score.latestAt(), asOf));
                best.merge(score.postId(), ranked, (a, b) -> better(a, b) ? a : b);
                sorted = null;
            }
        }

        /**
         * The items so far after {@code after} (all when empty), in feed order: a view of a list
         * sorted once per round of scores added and never changed after, so a later page or a
         * repeated read of the same ranking finds its place by binary search.
         */
        List<Ranked> after(Optional<Position> after) {
            List<Ranked> feed = sorted;
            if (feed == null) {
                feed = new ArrayList<>(best.values());
                feed.sort(ORDER);
                feed = Collections.unmodifiableList(feed);
                sorted = feed;
            }
            if (after.isEmpty()) {
                return feed;
            }
            int low = 0;
            int high = feed.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (feed.get(middle).after(after.get())) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return feed.subList(low, feed.size());
        }
    }
}

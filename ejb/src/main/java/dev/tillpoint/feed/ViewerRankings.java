package dev.tillpoint.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per viewer, the merged candidates of their groups ({@link FeedService.Candidates}) and how far
 * their feed as of one ranking instant has been ranked ({@link FeedService.RankingState}): a first
 * page shares the candidates merged by the viewer's earlier reads, and a later page of that first
 * page, or a read repeated with the same cursor, continues its ranking instead of scoring the same
 * candidates again.
 *
 * <p>Exact by version: candidates are shared only by reads that find the viewer's groups at the
 * same versions, the same policy and the same preparations of the groups' summaries (the very
 * instances, {@link GroupSummaries#prepared}); a ranking by those that find the same versions and
 * policy and rank as of the same instant (its preparations, made as of that instant or before, bound
 * it whatever the groups hold now: a later page read minutes after its first page finds it). Everything a ranking is made of (the groups' summaries and members, the viewer's
 * own contributions, the contributions a score is recomputed from) changes only in a transaction
 * that raises the version of the group it is in, and a score counts only first uses at or before
 * the ranking instant, inside its window. One entry per viewer (the newest), at most
 * {@link #MAX_VIEWERS} viewers; beyond, everything is dropped.
 */
@ApplicationScoped
public class ViewerRankings {

    /**
     * Few: an entry keeps its groups' preparations alive after the groups replaced them (20 groups
     * of 500 summaries is a few megabytes), and only a viewer reading again gains from it.
     */
    static final int MAX_VIEWERS = 256;

    private record Held(Map<String, Long> versions, FeedPolicy policy, List<GroupSummaries.Prepared> prepared,
            FeedService.Candidates candidates, Instant asOf, FeedService.RankingState state) {

        boolean sameCandidates(Map<String, Long> versions, FeedPolicy policy, List<GroupSummaries.Prepared> prepared) {
            if (this.prepared.size() != prepared.size() || !this.policy.equals(policy) || !this.versions.equals(versions)) {
                return false;
            }
            for (int i = 0; i < prepared.size(); i++) {
                if (this.prepared.get(i) != prepared.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, Held> viewers = new ConcurrentHashMap<>();

    /**
     * The viewer's ranking state for these versions and policy as of {@code asOf}, if held: a
     * ranking as of one instant is exact whichever preparations its candidates were merged from
     * (each made as of that instant or before it, at these versions, so its bounds hold for it).
     */
    Optional<FeedService.RankingState> held(String viewerId, Map<String, Long> versions, FeedPolicy policy,
            Instant asOf) {
        Held held = viewers.get(viewerId);
        return held != null && held.asOf().equals(asOf) && held.policy().equals(policy)
                && held.versions().equals(versions) ? Optional.of(held.state()) : Optional.empty();
    }

    /**
     * The viewer's ranking state for these versions, policy, preparations (in the order the read
     * merges them) and instant: the one held, else a new one on the candidates held when they are
     * the same, else on new ones; held instead of the viewer's older one, unless a version is unknown.
     */
    FeedService.RankingState of(String viewerId, Map<String, Long> versions, FeedPolicy policy,
            List<GroupSummaries.Prepared> prepared, Instant asOf) {
        Held held = viewers.get(viewerId);
        FeedService.Candidates candidates;
        if (held != null && held.sameCandidates(versions, policy, prepared)) {
            if (held.asOf().equals(asOf)) {
                return held.state();
            }
            candidates = held.candidates();
        } else {
            candidates = new FeedService.Candidates(prepared);
        }
        FeedService.RankingState state = new FeedService.RankingState(candidates, new FeedRanking.Ranking(policy, asOf));
        if (!versions.containsValue(null)) {
            if (viewers.size() >= MAX_VIEWERS) {
                viewers.clear();
            }
            viewers.put(viewerId, new Held(Map.copyOf(versions), policy, prepared, candidates, asOf, state));
        }
        return state;
    }
}

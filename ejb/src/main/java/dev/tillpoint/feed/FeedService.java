package dev.tillpoint.feed;

import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A viewer's feed (DESIGN.md "Social feed"): the posts that meet the policy in any of the viewer's
 * groups, ranked by {@link FeedRanking}, each under its best group with that group's other
 * members' interactions.
 *
 * <p>Scoring reads only the aggregates, never the raw interactions: the per-(group, post)
 * summaries bound every candidate, and only the few the page can hold are scored exactly (see the
 * package's rules). Membership (of the viewer, of each contributor, of the author) is as it is at
 * read time, so a change of membership or policy shows at the next read. Everything is evaluated
 * as of one instant, the first page's: the cursor carries it, and a contribution counts only with
 * the interaction types first used at or before it, so interactions arriving between pages cannot
 * reorder the feed and no post is shown twice or skipped.
 */
@Stateless
public class FeedService {

    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 20;
    /** Interactions listed with one item; {@code interactionCount} has the total. */
    public static final int MAX_SHOWN_INTERACTIONS = 20;

    private static final String FEED_LIST = "feed";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    GroupSummaries summaries;

    @Inject
    GroupMembers groupMembers;

    @Inject
    ItemInteractions itemInteractions;

    @Inject
    ViewerContributions viewerContributions;

    @Inject
    ViewerRankings rankings;

    @Inject
    PostViews postViews;

    @Inject
    PageCursors cursors;

    @Inject
    Clock clock;

    /** Where a page starts: the instant the feed is ranked at, and the last item shown before. */
    /**
     * Where a page starts: the instant the feed is ranked at, the last item shown before, and how
     * many items were shown before (where the next page's search for its posts starts).
     */
    private record Start(Instant asOf, Optional<FeedRanking.Position> after, int shown) {
        List<String> cursorFields(FeedRanking.Ranked last, int pageSize) {
            return List.of(asOf.toString(), Double.toString(last.rankScore()), last.postId(),
                    Integer.toString(shown + pageSize));
        }

        static Optional<Start> fromCursorFields(List<String> fields) {
            if (fields.size() != 4 || !Ids.isValid(fields.get(2))) {
                return Optional.empty();
            }
            try {
                double rankScore = Double.parseDouble(fields.get(1));
                int shown = Integer.parseInt(fields.get(3));
                if (!Double.isFinite(rankScore) || shown < 0) {
                    return Optional.empty();
                }
                return Optional.of(new Start(Instant.parse(fields.get(0)),
                        Optional.of(new FeedRanking.Position(rankScore, fields.get(2))), shown));
            } catch (DateTimeParseException | NumberFormatException otherShape) {
                return Optional.empty();
            }
        }
    }

    /**
     * One page of the viewer's feed.
     *
     * @return the page; {@code VALIDATION_FAILED} on {@code cursor} for a cursor that is not one of
     *         this viewer's feed
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<FeedItem>> feedOf(String viewerId, PageRequest request) {
        if (request.limit() > MAX_LIMIT) {
            return Result.invalid(PageRequest.LIMIT, "must be an integer from 1 to " + MAX_LIMIT);
        }
        PageCursors.Scope scope = new PageCursors.Scope(FEED_LIST, viewerId);
        return cursors.startOf(request, scope, Start::fromCursorFields).map(start -> {
            Start from = start.orElseGet(() -> new Start(StoredTime.now(clock), Optional.empty(), 0));
            return page(viewerId, from, request.limit(), scope);
        });
    }

    private Page<FeedItem> page(String viewerId, Start start, int limit, PageCursors.Scope scope) {
        if (!Ids.isValid(viewerId)) {
            return Page.empty();
        }
        Groups groups = groupsOf(viewerId);
        if (groups.members().isEmpty()) {
            return Page.empty();
        }
        FeedPolicy policy = groups.policy();
        Instant windowStart = start.asOf().minus(policy.window());
        List<FeedRanking.Ranked> ranked = ranked(viewerId, groups, policy, windowStart, start.asOf(), start.after(),
                start.shown(), limit + 1);
        List<FeedRanking.Ranked> fetched = ranked.subList(0, Math.min(ranked.size(), limit + 1));
        Page<FeedRanking.Ranked> page = Page.fromLookAhead(fetched, limit,
                last -> cursors.issue(scope, start.cursorFields(last, limit)));
        if (page.items().isEmpty()) {
            return new Page<>(List.of(), page.nextCursor());
        }
        Map<String, PostView> posts = postsOf(page.items());
        Map<String, PageInteractions.Shown> shown = itemInteractions.of(viewerId, page.items().stream()
                .map(item -> new ItemInteractions.Item(item.postId(), item.best().groupId(),
                        groups.versions().get(item.best().groupId())))
                .toList(), windowStart, start.asOf());
        List<FeedItem> items = new ArrayList<>();
        for (FeedRanking.Ranked item : page.items()) {
            GroupScore best = item.best();
            PageInteractions.Shown listed = shown.getOrDefault(best.postId(), PageInteractions.Shown.NONE);
            items.add(new FeedItem(best.groupId(), posts.get(best.postId()), best.score(), item.rankScore(),
                    listed.total(), listed.newest()));
        }
        return new Page<>(items, page.nextCursor());
    }

    /**
     * What a read starts from, all as of one statement's snapshot: the members of every group the
     * viewer is in (by group), each group's summary version ({@link GroupSummaries}) and the policy.
     */
    private record Groups(Map<String, Set<String>> members, Map<String, Long> versions, FeedPolicy policy) {
    }

    /**
     * The viewer's groups with their versions and the policy, in one statement of a row per group;
     * each group's members from memory held by its version ({@link GroupMembers}). The policy's
     * weights are validated integers; {@code policy} is null when the viewer is in no group.
     */
    private Groups groupsOf(String viewerId) {
        Map<String, Long> versions = new HashMap<>();
        FeedPolicy policy = null;
        for (Object row : em.createNativeQuery("select v.group_id, g.version, p.min_interacting_members,"
                        + " p.window_hours, p.like_weight, p.comment_weight, p.share_weight, p.min_score"
                        + " from feed_group_members v join feed_policy p on p.id = 1"
                        + " left join feed_group_versions g on g.group_id = v.group_id"
                        + " where v.member_id = :viewerId")
                .setParameter("viewerId", viewerId)
                .getResultList()) {
            Object[] c = (Object[]) row;
            versions.put((String) c[0], c[1] == null ? null : ((Number) c[1]).longValue());
            if (policy == null) {
                policy = new FeedPolicy(number(c[2]), number(c[3]), Map.of(InteractionType.LIKE, number(c[4]),
                        InteractionType.COMMENT, number(c[5]), InteractionType.SHARE, number(c[6])), number(c[7]));
            }
        }
        Map<String, Set<String>> members = new HashMap<>(versions.size() * 2);
        groupMembers.of(versions).forEach((groupId, held) -> members.put(groupId, withViewer(held.members(), viewerId)));
        return new Groups(members, versions, policy);
    }

    /**
     * The members held, with the viewer, whom the read's own statement found in the group: members
     * held at a later version than that statement saw may already lack a viewer who left meanwhile,
     * and without them the author rule would let the viewer's own posts into their feed.
     */
    private static Set<String> withViewer(Set<String> members, String viewerId) {
        if (members.contains(viewerId)) {
            return members;
        }
        Set<String> with = new HashSet<>(members);
        with.add(viewerId);
        return Set.copyOf(with);
    }

    private static int number(Object column) {
        return ((Number) column).intValue();
    }

    /**
     * A post that may be in the feed: the upper bound of its rankScore over the viewer's groups,
     * and its summaries in those groups that could meet the policy.
     */
    record Candidate(String postId, double bound, List<GroupSummaries.Bounded> rows) {
    }

    /**
     * At least the first {@code wanted} items after {@code after}, exact, in feed order: the top of
     * the feed without ranking all of it. The summaries give every candidate post an upper bound
     * of its rankScore (its counts weighed as if every first use were inside the window and none
     * were the viewer's, aged from its latest first use); only the best {@code n} posts by their
     * bound are scored exactly. When the {@code wanted}-th exact item comes before the best bound
     * left out, nothing left out can come before it, and the page is right; otherwise {@code n}
     * grows fourfold and the round repeats. A later page starts with {@code n} past the items shown
     * before (the cursor counts them).
     */
    private List<FeedRanking.Ranked> ranked(String viewerId, Groups groups, FeedPolicy policy,
            Instant windowStart, Instant asOf, Optional<FeedRanking.Position> after, int shownBefore, int wanted) {
        // A later page finds its first page's ranking whatever the groups' preparations became since
        // (made for this instant or before it, its bounds hold); only a new ranking prepares the groups.
        RankingState state = rankings.held(viewerId, groups.versions(), policy, asOf).orElseGet(() -> rankings.of(
                viewerId, groups.versions(), policy, groups.members().entrySet().stream()
                        .map(group -> summaries.prepared(group.getKey(), groups.versions().get(group.getKey()),
                                group.getValue(), policy, asOf))
                        .toList(), asOf));
        // One read at a time advances a state; the lists it hands out are never changed after.
        synchronized (state) {
            // The posts shown on earlier pages come first among the bounds too: skip past them at once;
            // and past those an earlier read of this state scored already.
            int n = Math.max(Math.max(FIRST_ROUND_POSTS, shownBefore + 2 * wanted), state.scored);
            while (true) {
                List<Candidate> taken = state.candidates.first(n);
                Optional<Candidate> next = state.candidates.at(n);
                if (taken.size() > state.scored) {
                    // A round scores and ranks only the candidates no round before it did: scores do not change.
                    state.ranking.add(scoresOf(viewerId, groups.versions(), policy, windowStart, asOf,
                            taken.subList(state.scored, taken.size())));
                    state.scored = taken.size();
                }
                List<FeedRanking.Ranked> ranked = state.ranking.after(after);
                if (next.isEmpty()) {
                    return ranked;
                }
                if (ranked.size() >= wanted
                        && ranked.get(wanted - 1).rankScore() > next.get().bound() * (1 + BOUND_SLACK)) {
                    return ranked;
                }
                n *= 4;
            }
        }
    }

    /**
     * How far a viewer's feed as of one instant has been ranked: the candidates (merged as far as
     * any read of them asked), the exact scores of the first {@code scored} of them, ranked. Exact
     * for every read that finds the
     * viewer's groups at the same versions, the same policy and ranks as of the same instant (a
     * later page of the same first page, or a repeated read of one): the summaries, memberships,
     * the viewer's own contributions and every contribution a score is recomputed from change only
     * with a version ({@link ViewerRankings}).
     */
    static final class RankingState {
        private final Candidates candidates;
        private final FeedRanking.Ranking ranking;
        private int scored;

        RankingState(Candidates candidates, FeedRanking.Ranking ranking) {
            this.candidates = candidates;
            this.ranking = ranking;
        }
    }

    /** Posts bounded in the first round; later rounds take four times more. */
    private static final int FIRST_ROUND_POSTS = 32;
    /** Bounds get this relative slack against floating-point rounding. */
    private static final double BOUND_SLACK = 1e-9;

    /**
     * The candidate posts, best bound first (ties by post id, as the feed orders them), taken only
     * as far as a read asks: each of the viewer's groups holds its summaries best first
     * ({@link GroupSummaries.Prepared}), and merging them yields each post at its best bound the
     * first time it comes up. They do not depend on the read's window or instant (a summary whose
     * latest first use is before the window bounds its post loosely and scores nothing), so the
     * reads of one viewer share them while the groups' preparations and versions stay
     * ({@link ViewerRankings}). The work is the page's, not the
     * history's: a read merges as many summaries as it takes posts, times the groups a post is in
     * at most.
     */
    static final class Candidates {
        private record Head(int group, int index, GroupSummaries.Bounded bounded) {
        }

        private final List<GroupSummaries.Prepared> groups;
        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> GroupSummaries.bestFirst(a.bounded(),
                b.bounded()));
        private final List<Candidate> found = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        Candidates(List<GroupSummaries.Prepared> groups) {
            this.groups = groups;
            for (int g = 0; g < groups.size(); g++) {
                advance(g, 0);
            }
        }

        /**
         * The candidates merged so far, published whole after each extension: reads that need no
         * more than were merged take them without the lock, so the readers of one viewer do not
         * queue behind each other (on two cores a queue of eight readers is a convoy).
         */
        private volatile Merged merged = new Merged(List.of(), false);

        private record Merged(List<Candidate> found, boolean complete) {
        }

        /** The first {@code n} candidates (fewer when there are fewer). */
        List<Candidate> first(int n) {
            List<Candidate> found = upTo(n);
            return found.subList(0, Math.min(n, found.size()));
        }

        /** The candidate at {@code index}, if there are that many. */
        Optional<Candidate> at(int index) {
            List<Candidate> found = upTo(index + 1);
            return index < found.size() ? Optional.of(found.get(index)) : Optional.empty();
        }

        /** At least {@code n} candidates when there are that many, never changed after. */
        private List<Candidate> upTo(int n) {
            Merged held = merged;
            if (held.found().size() >= n || held.complete()) {
                return held.found();
            }
            synchronized (this) {
                held = merged;
                if (held.found().size() < n && !held.complete()) {
                    fill(n);
                    held = new Merged(List.copyOf(found), heads.isEmpty());
                    merged = held;
                }
                return held.found();
            }
        }

        private void fill(int n) {
            while (found.size() < n && !heads.isEmpty()) {
                Head head = heads.poll();
                advance(head.group(), head.index() + 1);
                String postId = head.bounded().row().postId();
                if (seen.add(postId)) {
                    List<GroupSummaries.Bounded> rows = new ArrayList<>(2);
                    for (GroupSummaries.Prepared group : groups) {
                        GroupSummaries.Bounded bounded = group.byPost().get(postId);
                        if (bounded != null) {
                            rows.add(bounded);
                        }
                    }
                    found.add(new Candidate(postId, head.bounded().bound(), rows));
                }
            }
        }

        /** The group's summary at {@code index}, if any, into the heads. */
        private void advance(int group, int index) {
            List<GroupSummaries.Bounded> best = groups.get(group).best();
            if (index < best.size()) {
                heads.add(new Head(group, index, best.get(index)));
            }
        }
    }

    /**
     * The exact scores of the candidates' summaries. A summary is exact as it is when all its first
     * uses lie inside {@code (windowStart, asOf]} and the viewer has no contribution in it: then its
     * score is the weights times its counts, from memory. The others (the viewer's, and those
     * reaching out of the window or past the ranking instant) are recomputed from their
     * contributions in the database, one query per {@link #EXACT_CHUNK}. Whether the viewer
     * contributed is one indexed query for all the candidates.
     */
    private List<GroupScore> scoresOf(String viewerId, Map<String, Long> versions, FeedPolicy policy,
            Instant windowStart, Instant asOf, List<Candidate> taken) {
        Map<String, Set<String>> viewersOwn = viewerContributions.of(viewerId, versions, windowStart);
        List<GroupScore> scores = new ArrayList<>();
        List<String[]> inexact = new ArrayList<>();
        for (Candidate candidate : taken) {
            for (GroupSummaries.Bounded bounded : candidate.rows()) {
                GroupSummaries.Row row = bounded.row();
                if (!row.latestAt().isAfter(windowStart)) {
                    // Every first use before the window: nothing of it counts.
                    continue;
                }
                Set<String> ownInGroup = viewersOwn.isEmpty() ? null : viewersOwn.get(row.groupId());
                if ((ownInGroup != null && ownInGroup.contains(row.postId()))
                        || !row.earliestAt().isAfter(windowStart)
                        || row.latestAt().isAfter(asOf)) {
                    inexact.add(new String[] {row.groupId(), row.postId()});
                } else {
                    scores.add(new GroupScore(row.groupId(), row.postId(), row.members(), bounded.upperScore(),
                            row.latestAt()));
                }
            }
        }
        for (int from = 0; from < inexact.size(); from += EXACT_CHUNK) {
            scores.addAll(exactScores(viewerId, policy, windowStart, asOf,
                    inexact.subList(from, Math.min(inexact.size(), from + EXACT_CHUNK))));
        }
        return scores;
    }

    /** Summaries recomputed per query at most this many (group, post) pairs at a time. */
    private static final int EXACT_CHUNK = 200;
    /**
     * The recomputing statement's sizes: pairs are padded to the first that holds them with a pair
     * that matches nothing, so that its text (prepared once per connection by the driver, and
     * planned once there) changes only with the policy, not with every count of pairs.
     */
    private static final int[] EXACT_SLOTS = {20, 50, EXACT_CHUNK};

    /**
     * The exact scores of the given (group, post) pairs from their contributions, as of
     * {@code asOf}. The weights are validated integers, written into the statement as literals.
     */
    private List<GroupScore> exactScores(String viewerId, FeedPolicy policy, Instant windowStart, Instant asOf,
            List<String[]> pairs) {
        int slots = EXACT_SLOTS[EXACT_SLOTS.length - 1];
        for (int size : EXACT_SLOTS) {
            if (pairs.size() <= size) {
                slots = size;
                break;
            }
        }
        String liked = "(c.liked_at > :windowStart and c.liked_at <= :asOf)";
        String commented = "(c.commented_at > :windowStart and c.commented_at <= :asOf)";
        String shared = "(c.shared_at > :windowStart and c.shared_at <= :asOf)";
        String score = "sum(case when " + liked + " then " + policy.weightOf(InteractionType.LIKE) + " else 0 end"
                + " + case when " + commented + " then " + policy.weightOf(InteractionType.COMMENT) + " else 0 end"
                + " + case when " + shared + " then " + policy.weightOf(InteractionType.SHARE) + " else 0 end)";
        var query = em.createNativeQuery("select c.group_id, c.post_id, count(*), " + score + ","
                        + " max(case when " + liked + " then c.liked_at end),"
                        + " max(case when " + commented + " then c.commented_at end),"
                        + " max(case when " + shared + " then c.shared_at end)"
                        + " from " + pairsTable(slots, "group_id", "post_id")
                        + " join feed_contributions c on c.group_id = pg.group_id and c.post_id = pg.post_id"
                        + " where c.member_id <> :viewerId"
                        + " and (" + liked + " or " + commented + " or " + shared + ")"
                        + " group by c.group_id, c.post_id"
                        + " having count(*) >= " + policy.minInteractingMembers() + " and " + score + " >= " + policy.minScore())
                .setParameter("viewerId", viewerId)
                .setParameter("windowStart", windowStart)
                .setParameter("asOf", asOf);
        for (int i = 0; i < slots; i++) {
            String[] pair = i < pairs.size() ? pairs.get(i) : NO_PAIR;
            query.setParameter("a" + i, pair[0]).setParameter("b" + i, pair[1]);
        }
        List<GroupScore> scores = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            Instant latest = latest(StoredTime.fromColumn(columns[4]), latest(StoredTime.fromColumn(columns[5]),
                    StoredTime.fromColumn(columns[6])));
            scores.add(new GroupScore((String) columns[0], (String) columns[1], ((Number) columns[2]).longValue(),
                    ((Number) columns[3]).longValue(), latest));
        }
        return scores;
    }

    /** Pads the recomputing statement: no group or post has the empty id. */
    private static final String[] NO_PAIR = {"", ""};

    /** {@code (values (:a0, :b0), ...) as pg(first, second)}: a page's pairs as a table to join. */
    private static String pairsTable(int size, String first, String second) {
        StringBuilder values = new StringBuilder("(values ");
        for (int i = 0; i < size; i++) {
            values.append(i == 0 ? "" : ", ").append("(cast(:a").append(i).append(" as varchar(64)), cast(:b")
                    .append(i).append(" as varchar(64)))");
        }
        return values.append(") as pg(").append(first).append(", ").append(second).append(")").toString();
    }

    /** The page's posts by id: from memory ({@link PostViews}), those not held in one query. */
    private Map<String, PostView> postsOf(List<FeedRanking.Ranked> ranked) {
        return postViews.of(ranked.stream().map(item -> item.best().postId()).toList(),
                ids -> em.createQuery("select p from Post p where p.id in :ids", Post.class)
                        .setParameter("ids", ids)
                        .getResultList()
                        .stream().map(Post::view).toList());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

}

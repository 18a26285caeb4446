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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A viewer's feed (DESIGN.md "Social feed"): the posts that meet the policy in any of the viewer's
 * groups, ranked by {@link FeedRanking}, each under its best group with that group's other
 * members' interactions.
 *
 * <p>Scoring reads only the aggregates ({@code feed_contributions}) of the viewer's groups still
 * inside the window, never the raw interactions; membership (of the viewer, of each contributor,
 * of the author) is joined in at read time, so a change of membership or policy shows at the next
 * read. Everything is evaluated as of one instant, the first page's: the cursor carries it, and a
 * contribution counts only with the interaction types first used at or before it, so interactions
 * arriving between pages cannot reorder the feed and no post is shown twice or skipped.
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
    FeedPolicyService policies;

    @Inject
    PageCursors cursors;

    @Inject
    Clock clock;

    /** Where a page starts: the instant the feed is ranked at, and the last item shown before. */
    private record Start(Instant asOf, Optional<FeedRanking.Position> after) {
        List<String> cursorFields(FeedRanking.Ranked last) {
            return List.of(asOf.toString(), Double.toString(last.rankScore()), last.postId());
        }

        static Optional<Start> fromCursorFields(List<String> fields) {
            if (fields.size() != 3 || !Ids.isValid(fields.get(2))) {
                return Optional.empty();
            }
            try {
                double rankScore = Double.parseDouble(fields.get(1));
                if (!Double.isFinite(rankScore)) {
                    return Optional.empty();
                }
                return Optional.of(new Start(Instant.parse(fields.get(0)),
                        Optional.of(new FeedRanking.Position(rankScore, fields.get(2)))));
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
            Start from = start.orElseGet(() -> new Start(StoredTime.now(clock), Optional.empty()));
            return page(viewerId, from, request.limit(), scope);
        });
    }

    private Page<FeedItem> page(String viewerId, Start start, int limit, PageCursors.Scope scope) {
        if (!Ids.isValid(viewerId)) {
            return Page.empty();
        }
        FeedPolicy policy = policies.current();
        Instant windowStart = start.asOf().minus(policy.window());
        List<FeedRanking.Ranked> ranked = FeedRanking.rank(groupScores(viewerId, policy, windowStart, start.asOf()),
                policy, start.asOf(), start.after());
        List<FeedRanking.Ranked> fetched = ranked.subList(0, Math.min(ranked.size(), limit + 1));
        Page<FeedRanking.Ranked> page = Page.fromLookAhead(fetched, limit,
                last -> cursors.issue(scope, start.cursorFields(last)));
        List<FeedItem> items = new ArrayList<>();
        Map<String, PostView> posts = postsOf(page.items());
        for (FeedRanking.Ranked item : page.items()) {
            items.add(item(viewerId, item, posts.get(item.best().postId()), windowStart, start.asOf()));
        }
        return new Page<>(items, page.nextCursor());
    }

    /**
     * Per group of the viewer and post: the members (not the viewer, members now) whose
     * contribution has a type first used inside the window, their weighted score and the latest
     * such first use. Posts by the viewer, and posts whose author is in the group, do not count.
     * The weights and thresholds are validated integers, written into the statement as literals.
     */
    private List<GroupScore> groupScores(String viewerId, FeedPolicy policy, Instant windowStart, Instant asOf) {
        String liked = "(c.liked_at > :windowStart and c.liked_at <= :asOf)";
        String commented = "(c.commented_at > :windowStart and c.commented_at <= :asOf)";
        String shared = "(c.shared_at > :windowStart and c.shared_at <= :asOf)";
        String score = "sum(case when " + liked + " then " + policy.weightOf(InteractionType.LIKE) + " else 0 end"
                + " + case when " + commented + " then " + policy.weightOf(InteractionType.COMMENT) + " else 0 end"
                + " + case when " + shared + " then " + policy.weightOf(InteractionType.SHARE) + " else 0 end)";
        // Contributions are filtered and summed per row; the post's author is checked per summed
        // (group, post) only, which is far fewer rows.
        List<?> rows = em.createNativeQuery("select s.group_id, s.post_id, s.members, s.score, s.liked, s.commented, s.shared"
                        + " from (select c.group_id, c.post_id, count(*) as members, " + score + " as score,"
                        + " max(case when " + liked + " then c.liked_at end) as liked,"
                        + " max(case when " + commented + " then c.commented_at end) as commented,"
                        + " max(case when " + shared + " then c.shared_at end) as shared"
                        + " from feed_group_members v"
                        + " join feed_contributions c on c.group_id = v.group_id"
                        + " join feed_group_members m on m.group_id = c.group_id and m.member_id = c.member_id"
                        + " where v.member_id = :viewerId and c.member_id <> :viewerId"
                        + " and c.latest_at > :windowStart"
                        + " and (" + liked + " or " + commented + " or " + shared + ")"
                        + " group by c.group_id, c.post_id"
                        + " having count(*) >= " + policy.minInteractingMembers() + " and " + score + " >= " + policy.minScore()
                        + ") s join feed_posts p on p.id = s.post_id"
                        + " where p.author_id <> :viewerId and not exists (select 1 from feed_group_members a"
                        + " where a.group_id = s.group_id and a.member_id = p.author_id)")
                .setParameter("viewerId", viewerId)
                .setParameter("windowStart", windowStart)
                .setParameter("asOf", asOf)
                .getResultList();
        List<GroupScore> scores = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Instant latest = latest(StoredTime.fromColumn(columns[4]), latest(StoredTime.fromColumn(columns[5]), StoredTime.fromColumn(columns[6])));
            scores.add(new GroupScore((String) columns[0], (String) columns[1], ((Number) columns[2]).longValue(),
                    ((Number) columns[3]).longValue(), latest));
        }
        return scores;
    }

    /** The page's posts in one query, by id. */
    private Map<String, PostView> postsOf(List<FeedRanking.Ranked> ranked) {
        Map<String, PostView> posts = new HashMap<>();
        if (ranked.isEmpty()) {
            return posts;
        }
        em.createQuery("select p from Post p where p.id in :ids", Post.class)
                .setParameter("ids", ranked.stream().map(item -> item.best().postId()).toList())
                .getResultList()
                .forEach(post -> posts.put(post.id(), post.view()));
        return posts;
    }

    private FeedItem item(String viewerId, FeedRanking.Ranked ranked, PostView post, Instant windowStart, Instant asOf) {
        GroupScore best = ranked.best();
        String othersInWindow = " from Interaction i where i.postId = :postId and i.userId <> :viewerId"
                + " and i.createdAt > :windowStart and i.createdAt <= :asOf"
                + " and i.userId in (select m.memberId from GroupMember m where m.groupId = :groupId)";
        List<FeedItem.Shown> shown = em.createQuery("select i" + othersInWindow + " order by i.createdAt desc, i.id desc",
                        Interaction.class)
                .setParameter("postId", best.postId())
                .setParameter("viewerId", viewerId)
                .setParameter("windowStart", windowStart)
                .setParameter("asOf", asOf)
                .setParameter("groupId", best.groupId())
                .setMaxResults(MAX_SHOWN_INTERACTIONS)
                .getResultList()
                .stream().map(Interaction::shown).toList();
        long count = em.createQuery("select count(i)" + othersInWindow, Long.class)
                .setParameter("postId", best.postId())
                .setParameter("viewerId", viewerId)
                .setParameter("windowStart", windowStart)
                .setParameter("asOf", asOf)
                .setParameter("groupId", best.groupId())
                .getSingleResult();
        return new FeedItem(best.groupId(), post, best.score(), ranked.rankScore(), count, shown);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

}

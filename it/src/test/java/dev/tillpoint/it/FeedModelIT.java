package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.feed.FeedAggregation;
import dev.tillpoint.feed.FeedItem;
import dev.tillpoint.feed.FeedPolicy;
import dev.tillpoint.feed.FeedPolicyService;
import dev.tillpoint.feed.FeedService;
import dev.tillpoint.feed.GroupService;
import dev.tillpoint.feed.InteractionService;
import dev.tillpoint.feed.InteractionType;
import dev.tillpoint.feed.MediaKind;
import dev.tillpoint.feed.NewGroup;
import dev.tillpoint.feed.NewPost;
import dev.tillpoint.feed.PostService;
import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A few hundred random interactions (at random times over the last 100 hours, aggregated out of
 * order and sometimes twice), invitations accepted and declined, members leaving and policy changes,
 * against the server's feed and, side by side, a small reference model of DESIGN.md "Social feed"
 * written here from the contract alone: members other than the viewer, the window back from the
 * read, a member's part as the sum of the weights of the distinct types they first used inside it,
 * the thresholds, third accounts only (the author outside the group), one item per post under its
 * best group, the interactions shown (other members of that group, newest first, at most 20, and
 * their count), and paging with random page sizes. Every viewer's whole feed is compared often.
 *
 * <p>Runs inside the server (it stores interactions at chosen past times and hands their events to
 * the aggregation, as the listener would). The seed is printed; replay it with
 * {@code -Dtillpoint.it.modelSeed=...} (passed to the server), the number of operations with
 * {@code -Dtillpoint.it.modelOperations} (default 300).
 */
class FeedModelIT extends InsideEarServices {

    private static final long SEED = Long.getLong("tillpoint.it.modelSeed", System.nanoTime());
    private static final int OPERATIONS = Integer.getInteger("tillpoint.it.modelOperations", 300);
    private static final int USERS = 8;
    private static final int OUTSIDERS = 2;
    private static final int POSTS = 8;
    private static final int GROUPS = 3;
    private static final List<Integer> WINDOWS = List.of(24, 48, 72, 100);

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(FeedModelIT.class, InsideEarServices.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "FeedAggregation")
    FeedAggregation aggregation;

    @EJB(lookup = EJB_MODULE + "GroupService")
    GroupService groups;

    @EJB(lookup = EJB_MODULE + "PostService")
    PostService posts;

    @EJB(lookup = EJB_MODULE + "FeedService")
    FeedService feed;

    @EJB(lookup = EJB_MODULE + "FeedPolicyService")
    FeedPolicyService policies;

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    private final Random random = new Random(SEED);
    private final List<String> users = new ArrayList<>();
    private final Map<String, String> authorOf = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new TreeMap<>();
    private final List<Fact> facts = new ArrayList<>();
    private FeedPolicy policy = FeedPolicy.DEFAULT;
    private Instant start;
    private int sequence;
    private int itemsCompared;

    /** One stored interaction. */
    private record Fact(String id, String postId, String userId, InteractionType type, String text, Instant at) {
    }

    /** What the model expects of one feed item. */
    private record Expected(String groupId, String postId, long score, double rankScore, long count, List<Fact> shown) {
    }

    @AfterEach
    void restorePolicy() {
        policies.replace(FeedPolicy.DEFAULT);
    }

    @Test
    void theFeedIsWhatTheReferenceModelSays() throws Exception {
        System.out.printf(Locale.ROOT, "FeedModelIT: seed %d, %d operations%n", SEED, OPERATIONS);
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        policies.replace(FeedPolicy.DEFAULT);
        for (int u = 0; u < USERS; u++) {
            users.add(customer());
        }
        List<String> authors = new ArrayList<>(users);
        for (int o = 0; o < OUTSIDERS; o++) {
            authors.add(customer());
        }
        for (int p = 0; p < POSTS; p++) {
            String author = authors.get(random.nextInt(authors.size()));
            String id = ok(posts.publish(author, new NewPost(MediaKind.ARTICLE, "model " + p,
                    "https://media.example/model/" + p, null))).id();
            authorOf.put(id, author);
        }
        for (int g = 0; g < GROUPS; g++) {
            String owner = users.get(g);
            List<String> invited = new ArrayList<>();
            for (String user : users) {
                if (!user.equals(owner) && random.nextInt(2) == 0) {
                    invited.add(user);
                }
            }
            String group = ok(groups.create(owner, new NewGroup("model " + g, invited))).id();
            members.put(group, new TreeSet<>(List.of(owner)));
            for (String user : invited) {
                if (random.nextInt(4) > 0) {
                    ok(groups.accept(user, group));
                    members.get(group).add(user);
                } else {
                    ok(groups.decline(user, group));
                }
            }
        }
        for (int step = 0; step < OPERATIONS; step++) {
            String done = operate();
            if (random.nextInt(12) == 0 || step == OPERATIONS - 1) {
                compareEveryFeed("step " + step + " (" + done + "), seed " + SEED);
            }
        }
        System.out.printf(Locale.ROOT, "FeedModelIT: seed %d, %d feed items compared%n", SEED, itemsCompared);
        assertTrue(itemsCompared > OPERATIONS / 10, "too few items to compare: " + itemsCompared + ", seed " + SEED);
    }

    private String operate() throws Exception {
        int dice = random.nextInt(100);
        if (dice < 70) {
            return interact();
        }
        List<String> groupIds = new ArrayList<>(members.keySet());
        String group = groupIds.get(random.nextInt(groupIds.size()));
        Set<String> in = members.get(group);
        String user = users.get(random.nextInt(users.size()));
        if (dice < 82) {
            if (in.isEmpty() || in.contains(user)) {
                return "no join";
            }
            String inviter = new ArrayList<>(in).get(random.nextInt(in.size()));
            ok(groups.invite(inviter, group, user));
            if (random.nextInt(5) == 0) {
                ok(groups.decline(user, group));
                return user + " declined " + group;
            }
            ok(groups.accept(user, group));
            in.add(user);
            return user + " joined " + group;
        }
        if (dice < 92) {
            if (!in.contains(user)) {
                return "no leave";
            }
            ok(groups.leave(user, group));
            in.remove(user);
            return user + " left " + group;
        }
        Map<InteractionType, Integer> weights = new EnumMap<>(InteractionType.class);
        for (InteractionType type : InteractionType.values()) {
            weights.put(type, random.nextInt(4));
        }
        policy = new FeedPolicy(1 + random.nextInt(3), WINDOWS.get(random.nextInt(WINDOWS.size())), weights,
                random.nextInt(7));
        policies.replace(policy);
        return "policy " + policy;
    }

    /** A random interaction at a random past minute, kept ten minutes away from every window's edge. */
    private String interact() throws Exception {
        String user = users.get(random.nextInt(users.size()));
        List<String> postIds = new ArrayList<>(authorOf.keySet());
        String postId = postIds.get(random.nextInt(postIds.size()));
        InteractionType type = InteractionType.values()[random.nextInt(3)];
        boolean repeat = facts.stream().anyMatch(fact -> fact.postId().equals(postId) && fact.userId().equals(user)
                && fact.type() == type);
        if (repeat && type != InteractionType.COMMENT) {
            return "a repeated " + type + " (skipped, as the service does)";
        }
        int minutesAgo;
        do {
            minutesAgo = 1 + random.nextInt(100 * 60 + 120);
        } while (nearAWindowEdge(minutesAgo));
        Instant at = start.minusSeconds(minutesAgo * 60L + 30);
        Fact fact = new Fact(String.format(Locale.ROOT, "int_model%08x%06d", SEED & 0xffffffffL, sequence++),
                postId, user, type, type == InteractionType.COMMENT ? "c" + sequence : null, at);
        store(fact);
        facts.add(fact);
        Envelope event = event(fact);
        inTransaction(() -> aggregation.take(event));
        if (random.nextInt(10) == 0) {
            inTransaction(() -> aggregation.take(event));
        }
        return user + " " + type + " " + postId + " " + minutesAgo + " min ago";
    }

    private static boolean nearAWindowEdge(int minutesAgo) {
        return WINDOWS.stream().anyMatch(hours -> Math.abs(hours * 60 - minutesAgo) < 10);
    }

    private void compareEveryFeed(String when) {
        for (String viewer : users) {
            // The server ranks as of its first page's instant, which lies between these two; a
            // rankScore differs by the age's change in that time (far below the tolerance).
            Instant before = Instant.now();
            List<FeedItem> actual = wholeFeed(viewer);
            Instant after = Instant.now();
            List<Expected> expected = model(viewer, before.plus(Duration.between(before, after).dividedBy(2)));
            String where = when + ", viewer " + viewer + ", " + policy;
            assertEquals(expected.stream().map(Expected::postId).toList(),
                    actual.stream().map(item -> item.post().id()).toList(), () -> "posts, " + where);
            itemsCompared += expected.size();
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                FeedItem a = actual.get(i);
                String item = where + ", item " + i + " " + e.postId();
                assertEquals(e.groupId(), a.groupId(), () -> "best group, " + item);
                assertEquals(e.score(), a.score(), () -> "score, " + item);
                assertEquals(e.count(), a.interactionCount(), () -> "interactionCount, " + item);
                assertTrue(Math.abs(e.rankScore() - a.rankScore()) <= 1e-3 * e.rankScore(),
                        () -> "rankScore " + a.rankScore() + " against " + e.rankScore() + ", " + item);
                assertEquals(e.shown().stream().map(f -> f.userId() + " " + f.type() + " " + f.text() + " " + f.at()).toList(),
                        a.interactions().stream().map(s -> s.userId() + " " + s.type() + " " + s.text() + " " + s.at()).toList(),
                        () -> "interactions shown, " + item);
            }
        }
    }

    /** The feed page by page, each page of a random size from 1 to 7. */
    private List<FeedItem> wholeFeed(String viewer) {
        List<FeedItem> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<FeedItem> page = ok(feed.feedOf(viewer, new PageRequest(1 + random.nextInt(7), cursor)));
            items.addAll(page.items());
            cursor = page.nextCursor().orElse(null);
            assertTrue(items.size() <= POSTS, "more items than posts");
        } while (cursor != null);
        return items;
    }

    /** DESIGN.md "Social feed", as of {@code asOf}. */
    private List<Expected> model(String viewer, Instant asOf) {
        Instant windowStart = asOf.minus(Duration.ofHours(policy.windowHours()));
        Map<String, Expected> best = new HashMap<>();
        for (Map.Entry<String, Set<String>> group : members.entrySet()) {
            Set<String> in = group.getValue();
            if (!in.contains(viewer)) {
                continue;
            }
            for (Map.Entry<String, String> post : authorOf.entrySet()) {
                String postId = post.getKey();
                if (post.getValue().equals(viewer) || in.contains(post.getValue())) {
                    continue;
                }
                long interacting = 0;
                long score = 0;
                Instant latest = null;
                for (String member : in) {
                    if (member.equals(viewer)) {
                        continue;
                    }
                    boolean counted = false;
                    for (InteractionType type : InteractionType.values()) {
                        Instant firstUse = facts.stream()
                                .filter(f -> f.postId().equals(postId) && f.userId().equals(member) && f.type() == type)
                                .map(Fact::at).min(Comparator.naturalOrder()).orElse(null);
                        if (firstUse != null && firstUse.isAfter(windowStart) && !firstUse.isAfter(asOf)) {
                            counted = true;
                            score += policy.weightOf(type);
                            latest = latest == null || firstUse.isAfter(latest) ? firstUse : latest;
                        }
                    }
                    interacting += counted ? 1 : 0;
                }
                if (interacting < policy.minInteractingMembers() || score < policy.minScore() || latest == null) {
                    continue;
                }
                double ageHours = Math.max(0, Duration.between(latest, asOf).toNanos()) / 3_600_000_000_000.0;
                double rankScore = score / Math.pow(ageHours + 2, 1.5);
                List<Fact> shown = facts.stream()
                        .filter(f -> f.postId().equals(postId) && !f.userId().equals(viewer) && in.contains(f.userId())
                                && f.at().isAfter(windowStart) && !f.at().isAfter(asOf))
                        .sorted(Comparator.comparing(Fact::at).thenComparing(Fact::id).reversed())
                        .toList();
                Expected candidate = new Expected(group.getKey(), postId, score, rankScore, shown.size(),
                        shown.subList(0, Math.min(shown.size(), FeedService.MAX_SHOWN_INTERACTIONS)));
                best.merge(postId, candidate, (x, y) -> better(x, y) ? x : y);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Expected::rankScore).reversed().thenComparing(Expected::postId))
                .toList();
    }

    /** The best group of a post: the higher score, then the higher rankScore, then the smaller group id. */
    private static boolean better(Expected x, Expected y) {
        if (x.score() != y.score()) {
            return x.score() > y.score();
        }
        if (x.rankScore() != y.rankScore()) {
            return x.rankScore() > y.rankScore();
        }
        return x.groupId().compareTo(y.groupId()) < 0;
    }

    /** The interaction as the service stores it: the row and its pending mark for the aggregation. */
    private void store(Fact fact) throws Exception {
        inTransaction(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("insert into feed_interactions"
                         + " (id, post_id, user_id, type, repeat_key, text, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, fact.id());
                insert.setString(2, fact.postId());
                insert.setString(3, fact.userId());
                insert.setString(4, fact.type().name());
                insert.setString(5, fact.type() == InteractionType.COMMENT ? null : fact.type().name());
                insert.setString(6, fact.text());
                insert.setObject(7, OffsetDateTime.ofInstant(fact.at(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement pending = connection.prepareStatement(
                         "insert into feed_pending_interactions (interaction_id, enqueued_at) values (?, ?)")) {
                pending.setString(1, fact.id());
                pending.setObject(2, OffsetDateTime.ofInstant(fact.at(), ZoneOffset.UTC));
                return pending.executeUpdate();
            }
        });
    }

    private static Envelope event(Fact fact) {
        return new Envelope("msg_" + fact.id(), InteractionService.EVENT_TYPE, InteractionService.EVENT_VERSION,
                fact.at(), Json.createObjectBuilder().add("interactionId", fact.id()).add("postId", fact.postId())
                        .add("userId", fact.userId()).add("type", fact.type().name())
                        .add("createdAt", fact.at().toString()).build());
    }

    private static <T> T ok(Result<T> result) {
        return ((Result.Ok<T>) assertInstanceOf(Result.Ok.class, result, () -> "not ok: " + result)).value();
    }
}

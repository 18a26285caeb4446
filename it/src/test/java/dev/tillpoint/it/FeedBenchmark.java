package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.feed.FeedItem;
import dev.tillpoint.feed.GroupService;
import dev.tillpoint.feed.InteractionService;
import dev.tillpoint.feed.InteractionType;
import dev.tillpoint.feed.MediaKind;
import dev.tillpoint.feed.NewGroup;
import dev.tillpoint.feed.NewInteraction;
import dev.tillpoint.feed.NewPost;
import dev.tillpoint.feed.PostService;
import dev.tillpoint.feed.FeedService;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Feed reads for a viewer in 20 groups over 100 000 interactions, and the latency from an
 * interaction's commit to the post showing in the feed (outbox, relay, JMS, MDB, aggregates).
 * The first half runs inside the server and calls the services (no HTTP or JWT in its figures); the
 * second measures the same over HTTP with signed JWTs from outside. The set-up writes
 * the interactions in bulk with JDBC, then creates the groups through the real service, so the
 * aggregates come from the joining members' fan-in. Prints figures; asserts only correctness.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedBenchmark extends InsideEarServices {

    private static final int GROUPS = 20;
    private static final int MEMBERS_PER_GROUP = 10;
    private static final int AUTHORS = 20;
    private static final int POSTS = 500;
    private static final int INTERACTIONS = 100_000;
    private static final int READS = 100;
    private static final int LATENCY_SAMPLES = 20;

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(FeedBenchmark.class, InsideEarServices.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "GroupService")
    GroupService groups;

    @EJB(lookup = EJB_MODULE + "PostService")
    PostService posts;

    @EJB(lookup = EJB_MODULE + "InteractionService")
    InteractionService interactions;

    @EJB(lookup = EJB_MODULE + "FeedService")
    FeedService feed;

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    /** Where the in-container half leaves the ids the HTTP half needs: the server's data directory. */
    private static final String HANDOVER = "feed-benchmark.properties";

    @Test
    @Order(1)
    void feedReadsAndInteractionToFeedLatency() throws Exception {
        Random random = new Random(42);
        String viewer = customer();
        List<List<String>> members = new ArrayList<>();
        List<String> everyMember = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            List<String> group = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_GROUP; m++) {
                group.add(customer());
            }
            members.add(group);
            everyMember.addAll(group);
        }
        List<String> authors = new ArrayList<>();
        for (int a = 0; a < AUTHORS; a++) {
            authors.add(customer());
        }
        List<String> postIds = new ArrayList<>();
        for (int p = 0; p < POSTS; p++) {
            postIds.add(ok(posts.publish(authors.get(p % AUTHORS),
                    new NewPost(MediaKind.ARTICLE, "bench " + p, "https://media.example/b/" + p, null))).id());
        }

        long loadStart = System.nanoTime();
        int stored = bulkInteractions(random, everyMember, postIds);
        assertEquals(INTERACTIONS, stored);
        long loaded = System.nanoTime();
        for (int g = 0; g < GROUPS; g++) {
            String group = ok(groups.create(viewer, new NewGroup("bench " + g, members.get(g)))).id();
            for (String member : members.get(g)) {
                ok(groups.accept(member, group));
            }
        }
        long fannedIn = System.nanoTime();
        System.out.printf("FeedBenchmark [%s]: %d interactions stored in %.1f s (JDBC batches); %d groups of %d built by"
                        + " fan-in in %.1f s%n", db(), stored, seconds(loaded - loadStart), GROUPS, MEMBERS_PER_GROUP + 1,
                seconds(fannedIn - loaded));

        List<FeedItem> whole = wholeFeed(viewer);
        assertFalse(whole.isEmpty(), "the feed is empty");
        Set<String> distinct = new HashSet<>();
        whole.forEach(item -> assertTrue(distinct.add(item.post().id()), "a post twice: " + item.post().id()));
        whole.forEach(item -> assertTrue(item.interactions().size() <= FeedService.MAX_SHOWN_INTERACTIONS
                && item.interactionCount() >= item.interactions().size()));
        for (int i = 1; i < whole.size(); i++) {
            assertTrue(whole.get(i - 1).rankScore() >= whole.get(i).rankScore(), "not in rank order at " + i);
        }

        for (int i = 0; i < 10; i++) {
            firstPage(viewer);
        }
        long[] readNanos = new long[READS];
        long readsStart = System.nanoTime();
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            Page<FeedItem> page = firstPage(viewer);
            readNanos[i] = System.nanoTime() - start;
            assertEquals(20, page.items().size());
        }
        long readsTook = System.nanoTime() - readsStart;
        Arrays.sort(readNanos);
        System.out.printf("FeedBenchmark [%s]: feed read (first page of 20, %d qualifying posts): %.1f reads/s on one"
                        + " thread, p50 %.1f ms, p99 %.1f ms%n", db(), whole.size(), READS / seconds(readsTook),
                millis(percentile(readNanos, 50)), millis(percentile(readNanos, 99)));

        // Latency: a viewer whose feed holds only the samples (so the newest is on the first page),
        // grouped with two members who are also in one of the big groups: each interaction fans out
        // to both groups, as a real one does.
        String watcher = customer();
        String first = customer();
        String second = customer();
        String latencyGroup = ok(groups.create(watcher, new NewGroup("latency", List.of(first, second)))).id();
        String bigGroup = groupIdOf(viewer, members.get(0).get(0));
        for (String member : List.of(first, second)) {
            ok(groups.accept(member, latencyGroup));
            ok(groups.invite(members.get(0).get(0), bigGroup, member));
            ok(groups.accept(member, bigGroup));
        }
        long[] visibleNanos = new long[LATENCY_SAMPLES];
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            String fresh = ok(posts.publish(authors.get(i % AUTHORS),
                    new NewPost(MediaKind.VIDEO, "fresh " + i, "https://media.example/f/" + i, null))).id();
            ok(interactions.interact(first, fresh, new NewInteraction(InteractionType.SHARE, null)));
            Thread.sleep(300);
            long start = System.nanoTime();
            ok(interactions.interact(second, fresh, new NewInteraction(InteractionType.COMMENT, "now")));
            while (firstPage(watcher).items().stream().noneMatch(item -> item.post().id().equals(fresh))) {
                assertTrue(System.nanoTime() - start < 30_000_000_000L, "the interaction never showed");
            }
            visibleNanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(visibleNanos);
        System.out.printf("FeedBenchmark [%s]: interaction committed -> visible in the feed: p50 %.1f ms, p99 %.1f ms"
                        + " (%d samples, polling the first page)%n", db(), millis(percentile(visibleNanos, 50)),
                millis(percentile(visibleNanos, 99)), LATENCY_SAMPLES);

        Properties handover = new Properties();
        handover.setProperty("viewer", viewer);
        handover.setProperty("author", authors.get(0));
        handover.setProperty("watcher", watcher);
        handover.setProperty("first", first);
        handover.setProperty("second", second);
        try (OutputStream out = Files.newOutputStream(Path.of(System.getProperty("jboss.server.data.dir"), HANDOVER))) {
            handover.store(out, "FeedBenchmark");
        }
    }

    /** The same over HTTP with signed JWTs, as the phone calls it: the figures include JAX-RS, JSON and JWT checks. */
    @Test
    @Order(2)
    @RunAsClient
    void overHttp() throws Exception {
        Properties handover = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("tillpoint.it.serverDir"), "data", HANDOVER))) {
            handover.load(in);
        }
        // A class of its own: the in-container copy of this class must not reach the HTTP client's classes.
        FeedOverHttp.measure(handover, READS, LATENCY_SAMPLES);
    }

    /** Exactly {@value #INTERACTIONS} random interactions of the members on the posts within the last 70 hours. */
    private int bulkInteractions(Random random, List<String> everyMember, List<String> postIds) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int stored = 0;
        int batch = 2_000;
        while (stored < INTERACTIONS) {
            // Repeated LIKEs and SHAREs are skipped, so batches go on until 100 000 are stored.
            int size = Math.min(batch, INTERACTIONS - stored);
            stored += inTransaction(() -> {
                int inserted = 0;
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("insert into feed_interactions"
                             + " (id, post_id, user_id, type, repeat_key, text, created_at) values (?, ?, ?, ?, ?, ?, ?)"
                             + " on conflict do nothing")) {
                    for (int i = 0; i < size; i++) {
                        int roll = random.nextInt(10);
                        InteractionType type = roll < 5 ? InteractionType.LIKE : roll < 8 ? InteractionType.COMMENT
                                : InteractionType.SHARE;
                        insert.setString(1, "int_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
                        insert.setString(2, postIds.get(random.nextInt(postIds.size())));
                        insert.setString(3, everyMember.get(random.nextInt(everyMember.size())));
                        insert.setString(4, type.name());
                        insert.setString(5, type == InteractionType.COMMENT ? null : type.name());
                        insert.setString(6, type == InteractionType.COMMENT ? "bench" : null);
                        insert.setObject(7, OffsetDateTime.ofInstant(now.minusSeconds(random.nextInt(70 * 3600)), ZoneOffset.UTC));
                        insert.addBatch();
                    }
                    for (int count : insert.executeBatch()) {
                        inserted += Math.max(count, 0);
                    }
                }
                return inserted;
            });
        }
        return stored;
    }

    /** The id of the big group that {@code member} shares with the viewer. */
    private String groupIdOf(String viewer, String member) {
        return ok(groups.groupsOf(member, new PageRequest(50, null))).items().get(0).id();
    }

    private Page<FeedItem> firstPage(String viewer) {
        return ok(feed.feedOf(viewer, new PageRequest(20, null)));
    }

    private List<FeedItem> wholeFeed(String viewer) {
        List<FeedItem> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<FeedItem> page = ok(feed.feedOf(viewer, new PageRequest(50, cursor)));
            items.addAll(page.items());
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        return items;
    }

    private static String db() {
        return System.getProperty("tillpoint.it.db", "?");
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static <T> T ok(Result<T> result) {
        return ((Result.Ok<T>) assertInstanceOf(Result.Ok.class, result, () -> "not ok: " + result)).value();
    }
}

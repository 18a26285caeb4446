package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.feed.FeedAggregation;
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
import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.Outbox;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Feed reads for a viewer in 20 groups of 11 over 100 000 interactions (or
 * {@code -Dtillpoint.it.feedInteractions=1000000}) on 500 posts, with 8 concurrent readers; the
 * latency from an interaction's commit to the post showing in the feed while those readers run
 * (outbox, relay, JMS, MDB, aggregates); and how fast the aggregation drains a burst of interactions
 * ({@code -Dtillpoint.it.feedBurst}, default 10 000) made through the service by 8 threads, and a
 * backlog written in bulk ({@code -Dtillpoint.it.feedBacklog}, default 100 000). Each
 * figure on PostgreSQL is printed beside pgbench running the equivalent raw SQL with as many
 * clients, in the same run. The first half runs inside the server and calls the services (no HTTP
 * or JWT in its figures); the second measures the same over HTTP with signed JWTs from outside.
 * The set-up writes the interactions in bulk with JDBC, then creates the groups through the real
 * service (invitations, accepted), so the aggregates come from the joining members' fan-in. Prints
 * figures; asserts only correctness.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedBenchmark extends InsideEarServices {

    private static final int GROUPS = 20;
    private static final int MEMBERS_PER_GROUP = 10;
    private static final int AUTHORS = 20;
    private static final int POSTS = 500;
    private static final int INTERACTIONS = Integer.getInteger("tillpoint.it.feedInteractions", 100_000);
    private static final int BURST = Integer.getInteger("tillpoint.it.feedBurst", 10_000);
    private static final int BACKLOG = Integer.getInteger("tillpoint.it.feedBacklog", 100_000);
    private static final int READERS = 8;
    /** Viewers of the phase that reads a different viewer's first page each time, and the groups each is in. */
    private static final int DISTINCT_VIEWERS = 48;
    private static final int VIEWER_GROUPS = 5;
    private static final int MEASURE_SECONDS = Integer.getInteger("tillpoint.it.benchSeconds", 10);
    private static final int LATENCY_SAMPLES = 20;
    private static final int HTTP_READS = 400;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(FeedBenchmark.class, InsideEarServices.class, Cards.class, PgBench.class,
                PgBench.Target.class);
    }

    @EJB(lookup = EJB_MODULE + "GroupService")
    GroupService groups;

    @EJB(lookup = EJB_MODULE + "PostService")
    PostService posts;

    @EJB(lookup = EJB_MODULE + "InteractionService")
    InteractionService interactions;

    @EJB(lookup = EJB_MODULE + "FeedService")
    FeedService feed;

    @EJB(lookup = EJB_MODULE + "Outbox")
    Outbox outbox;

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    /** Where the in-container half leaves the ids the HTTP half needs: the server's data directory. */
    private static final String HANDOVER = "feed-benchmark.properties";

    /** Latencies of one measured phase, in nanoseconds. */
    private record Measured(long[] sortedNanos, double perSecond, long cpuNanos) {
        String figures() {
            return String.format(Locale.ROOT, "%.0f reads/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d reads);"
                            + " %.2f ms of the server's CPU per read in the reading thread", perSecond,
                    millis(percentile(sortedNanos, 50)), millis(percentile(sortedNanos, 99)),
                    millis(sortedNanos[sortedNanos.length - 1]), sortedNanos.length, millis(cpuNanos / sortedNanos.length));
        }
    }

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
        List<String> groupIds = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String group = ok(groups.create(viewer, new NewGroup("bench " + g, members.get(g)))).id();
            for (String member : members.get(g)) {
                ok(groups.accept(member, group));
            }
            groupIds.add(group);
        }
        long fannedIn = System.nanoTime();
        // What autovacuum does within a minute of such a load in production (it vacuums tables after
        // inserts too): the planner's statistics and, on PostgreSQL, the visibility map that lets
        // index-only scans skip the table.
        try (Connection connection = dataSource.getConnection(); PreparedStatement analyze = connection.prepareStatement(
                "postgresql".equals(db()) ? "vacuum analyze" : "analyze")) {
            analyze.execute();
        }
        System.out.printf(Locale.ROOT, "FeedBenchmark [%s]: %d interactions stored in %.1f s (JDBC batches); %d groups of %d"
                        + " built by invitation and fan-in in %.1f s%n", db(), stored, seconds(loaded - loadStart), GROUPS,
                MEMBERS_PER_GROUP + 1, seconds(fannedIn - loaded));

        List<FeedItem> whole = wholeFeed(viewer);
        assertFalse(whole.isEmpty(), "the feed is empty");
        Set<String> distinct = new HashSet<>();
        whole.forEach(item -> assertTrue(distinct.add(item.post().id()), "a post twice: " + item.post().id()));
        whole.forEach(item -> assertTrue(item.interactions().size() <= FeedService.MAX_SHOWN_INTERACTIONS
                && item.interactionCount() >= item.interactions().size()));
        for (int i = 1; i < whole.size(); i++) {
            assertTrue(whole.get(i - 1).rankScore() >= whole.get(i).rankScore(), "not in rank order at " + i);
        }

        Optional<PgBench.Target> pg = PgBench.Target.of(dataSource);
        for (int i = 0; i < 50; i++) {
            firstPage(viewer);
        }
        Measured first = concurrently(READERS, MEASURE_SECONDS, () -> assertEquals(20, firstPage(viewer).items().size()));
        Optional<Double> firstCeiling = pg.isPresent()
                ? PgBench.tps(pg.get(), firstPageSql(viewer), READERS, MEASURE_SECONDS, "prepared") : Optional.empty();
        System.out.printf(Locale.ROOT, "FeedBenchmark [%s]: %d interactions, %d qualifying posts, first page of 20, %d readers:"
                        + " %s; %s%n", db(), INTERACTIONS, whole.size(), READERS, first.figures(),
                PgBench.ratio(first.perSecond(), firstCeiling));

        Page<FeedItem> page = firstPage(viewer);
        for (int p = 1; p < 5; p++) {
            page = ok(feed.feedOf(viewer, new PageRequest(20, page.nextCursor().orElseThrow())));
        }
        String fifthPage = page.nextCursor().orElseThrow();
        Measured later = concurrently(READERS, MEASURE_SECONDS,
                () -> assertEquals(20, ok(feed.feedOf(viewer, new PageRequest(20, fifthPage))).items().size()));
        System.out.printf(Locale.ROOT, "FeedBenchmark [%s]: sixth page of 20 (a cursor), %d readers: %s%n", db(), READERS,
                later.figures());

        // Many viewers: the first page of a different viewer at each read (round robin over
        // DISTINCT_VIEWERS, each in VIEWER_GROUPS of the big groups), so that no read finds the ranking of
        // the read before it; what a viewer's reads share is only what is held per group or item.
        List<String> viewers = new ArrayList<>();
        for (int v = 0; v < DISTINCT_VIEWERS; v++) {
            String another = customer();
            for (int k = 0; k < VIEWER_GROUPS; k++) {
                String group = groupIds.get((v + k * (GROUPS / VIEWER_GROUPS)) % GROUPS);
                ok(groups.invite(viewer, group, another));
                ok(groups.accept(another, group));
            }
            viewers.add(another);
        }
        AtomicInteger nextViewer = new AtomicInteger();
        for (String another : viewers) {
            firstPage(another);
        }
        Measured many = concurrently(READERS, MEASURE_SECONDS, () -> assertFalse(firstPage(
                viewers.get(Math.floorMod(nextViewer.getAndIncrement(), DISTINCT_VIEWERS))).items().isEmpty()));
        Optional<Double> manyCeiling = pg.isPresent()
                ? PgBench.tps(pg.get(), firstPageSql(viewers.get(0)), READERS, MEASURE_SECONDS, "prepared") : Optional.empty();
        System.out.printf(Locale.ROOT, "FeedBenchmark [%s]: first page of 20 of %d distinct viewers in turn (each in %d"
                        + " groups), %d readers: %s; %s%n", db(), DISTINCT_VIEWERS, VIEWER_GROUPS, READERS, many.figures(),
                PgBench.ratio(many.perSecond(), manyCeiling));

        // Latency: a viewer whose feed holds only the samples (so the newest is on the first page),
        // grouped with two members who are also in one of the big groups: each interaction fans out
        // to both groups, as a real one does. Measured while 8 readers keep reading the big feed.
        String watcher = customer();
        String first1 = customer();
        String second = customer();
        String latencyGroup = ok(groups.create(watcher, new NewGroup("latency", List.of(first1, second)))).id();
        for (String member : List.of(first1, second)) {
            ok(groups.accept(member, latencyGroup));
            ok(groups.invite(members.get(0).get(0), groupIds.get(0), member));
            ok(groups.accept(member, groupIds.get(0)));
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        List<Future<Integer>> load = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            load.add(readers.submit(() -> {
                int reads = 0;
                while (reading.get()) {
                    firstPage(viewer);
                    reads++;
                }
                return reads;
            }));
        }
        long[] visibleNanos = new long[LATENCY_SAMPLES];
        long loadStart2 = System.nanoTime();
        try {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                String fresh = ok(posts.publish(authors.get(i % AUTHORS),
                        new NewPost(MediaKind.VIDEO, "fresh " + i, "https://media.example/f/" + i, null))).id();
                ok(interactions.interact(first1, fresh, new NewInteraction(InteractionType.SHARE, null)));
                Thread.sleep(300);
                long start = System.nanoTime();
                ok(interactions.interact(second, fresh, new NewInteraction(InteractionType.COMMENT, "now")));
                while (firstPage(watcher).items().stream().noneMatch(item -> item.post().id().equals(fresh))) {
                    assertTrue(System.nanoTime() - start < 30_000_000_000L, "the interaction never showed");
                }
                visibleNanos[i] = System.nanoTime() - start;
            }
        } finally {
            reading.set(false);
        }
        int loadReads = 0;
        for (Future<Integer> reader : load) {
            loadReads += reader.get();
        }
        double loadSeconds = seconds(System.nanoTime() - loadStart2);
        readers.shutdown();
        Arrays.sort(visibleNanos);
        System.out.printf(Locale.ROOT, "FeedBenchmark [%s]: interaction committed -> visible in the feed, under %d readers"
                        + " (%.0f reads/s meanwhile): p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n", db(), READERS,
                loadReads / loadSeconds, millis(percentile(visibleNanos, 50)), millis(percentile(visibleNanos, 99)),
                millis(visibleNanos[LATENCY_SAMPLES - 1]), LATENCY_SAMPLES);

        burst(everyMember, postIds, pg);

        Properties handover = new Properties();
        handover.setProperty("viewer", viewer);
        handover.setProperty("author", authors.get(0));
        handover.setProperty("watcher", watcher);
        handover.setProperty("first", first1);
        handover.setProperty("second", second);
        try (OutputStream out = Files.newOutputStream(Path.of(System.getProperty("jboss.server.data.dir"), HANDOVER))) {
            handover.store(out, "FeedBenchmark");
        }
    }

    /**
     * {@value #READERS} threads make {@link #BURST} comments through the service as fast as it takes
     * them; then the aggregation's backlog ({@code feed_pending_interactions}) is watched until it is
     * empty. Then a backlog of {@link #BACKLOG} interactions is written in bulk (rows and pending
     * marks, 2 000 a transaction, with one event per aggregation batch to wake the consumer), as a
     * burst faster than any API would take, and watched the same way: the aggregation's own
     * capacity, without the outbox relay's. Prints the accepted and aggregated rates and how long each backlog
     * outlived its burst, beside pgbench running one batch's equivalent SQL.
     */
    private void burst(List<String> everyMember, List<String> postIds, Optional<PgBench.Target> pg) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(READERS);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < READERS; t++) {
            int seed = t;
            done.add(writers.submit(() -> {
                Random random = new Random(seed);
                while (next.getAndIncrement() < BURST) {
                    ok(interactions.interact(everyMember.get(random.nextInt(everyMember.size())),
                            postIds.get(random.nextInt(postIds.size())), new NewInteraction(InteractionType.COMMENT, "burst")));
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        long burstEnd = System.nanoTime();
        awaitNoBacklog(burstEnd);
        long drained = System.nanoTime();
        System.out.printf(Locale.ROOT, "FeedBenchmark [%s]: burst of %d interactions through the service from %d threads:"
                        + " accepted %.0f/s; aggregated %.0f/s; backlog gone %.1f s after the burst's end%n", db(), BURST,
                READERS, BURST / seconds(burstEnd - start), BURST / seconds(drained - start), seconds(drained - burstEnd));

        Random random = new Random(7);
        long bulkStart = System.nanoTime();
        int written = 0;
        while (written < BACKLOG) {
            int size = Math.min(2_000, BACKLOG - written);
            inTransaction(() -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("insert into feed_interactions"
                             + " (id, post_id, user_id, type, repeat_key, text, created_at) values (?, ?, ?, 'COMMENT', null, 'backlog', ?)");
                     PreparedStatement pending = connection.prepareStatement(
                             "insert into feed_pending_interactions (interaction_id, enqueued_at) values (?, ?)")) {
                    for (int i = 0; i < size; i++) {
                        String id = "int_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                        String post = postIds.get(random.nextInt(postIds.size()));
                        String user = everyMember.get(random.nextInt(everyMember.size()));
                        insert.setString(1, id);
                        insert.setString(2, post);
                        insert.setString(3, user);
                        insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        insert.addBatch();
                        pending.setString(1, id);
                        pending.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        pending.addBatch();
                        if (i % FeedAggregation.BATCH_SIZE == 0) {
                            // One event per batch wakes the aggregation: this measures the consumer,
                            // not the outbox relay (which the burst above includes).
                            outbox.enqueue(Destination.FEED_INTERACTIONS, InteractionService.EVENT_TYPE,
                                    InteractionService.EVENT_VERSION, Json.createObjectBuilder().add("interactionId", id)
                                            .add("postId", post).add("userId", user).add("type", "COMMENT")
                                            .add("createdAt", now.toString()).build());
                        }
                    }
                    insert.executeBatch();
                    pending.executeBatch();
                }
                return null;
            });
            written += size;
        }
        long bulkEnd = System.nanoTime();
        awaitNoBacklog(bulkEnd);
        long bulkDrained = System.nanoTime();
        double aggregated = BACKLOG / seconds(bulkDrained - bulkStart);
        Optional<Double> ceiling = pg.isPresent()
                ? PgBench.tps(pg.get(), batchSql(), 1, MEASURE_SECONDS).map(tps -> tps * FeedAggregation.BATCH_SIZE)
                : Optional.empty();
        System.out.printf(Locale.ROOT, "FeedBenchmark [%s]: backlog of %d interactions written in bulk in %.1f s (%.0f/s):"
                        + " aggregated %.0f/s (the consumer, relay excluded); backlog gone %.1f s after the last write; %s%n", db(), BACKLOG,
                seconds(bulkEnd - bulkStart), BACKLOG / seconds(bulkEnd - bulkStart), aggregated,
                seconds(bulkDrained - bulkEnd), PgBench.ratio(aggregated, ceiling));
    }

    private void awaitNoBacklog(long since) throws Exception {
        long pending;
        while ((pending = pending()) > 0) {
            assertTrue(System.nanoTime() - since < 900_000_000_000L, "the aggregation did not drain: " + pending);
            Thread.sleep(50);
        }
    }

    private long pending() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from feed_pending_interactions");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs {@code read} on {@code threads} threads for {@code seconds}; every call's latency. */
    private static Measured concurrently(int threads, int seconds, Runnable read) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<List<Long>>> done = new ArrayList<>();
        // CPU time of the reading threads: what a read costs the server itself, whatever else the
        // machine runs (the latencies on a shared machine include waiting for a core).
        AtomicLong cpu = new AtomicLong();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                List<Long> nanos = new ArrayList<>();
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    read.run();
                    nanos.add(System.nanoTime() - begin);
                }
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuBefore);
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> thread : done) {
            all.addAll(thread.get());
        }
        double took = seconds(System.nanoTime() - start);
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Measured(sorted, sorted.length / took, cpu.get());
    }

    /**
     * What a first page costs the database, as raw SQL, when what the page needs is held at the
     * versions the read finds: the viewer's groups with their versions and the policy, one row per
     * group (the statement FeedService runs). The groups' members, summaries, the items'
     * interactions, the viewer's own contributions and the posts come from memory held by version
     * and are not in the ceiling (a group whose version moved costs its reload once per server);
     * the ranking is Java's. Run with pgbench's prepared protocol, as the server's driver prepares it.
     */
    private String firstPageSql(String viewer) {
        return "select v.group_id, g.version, p.min_interacting_members, p.window_hours, p.like_weight,"
                + " p.comment_weight, p.share_weight, p.min_score from feed_group_members v"
                + " join feed_policy p on p.id = 1 left join feed_group_versions g on g.group_id = v.group_id"
                + " where v.member_id = " + PgBench.literal(viewer) + ";\n";
    }

    /**
     * What one aggregation batch costs the database, as raw SQL: {@link FeedAggregation#BATCH_SIZE}
     * real contributions (of the data set, literals) locked with their memberships and summaries,
     * each interaction's copy into the group written (one already there: skipped), each first use rewritten, their summaries recomputed, the batch's (absent) pending rows
     * deleted, one commit. Run by one pgbench client: its ceiling in interactions/s is its
     * transactions/s times the batch size.
     */
    private String batchSql() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement pick = connection.prepareStatement("select group_id, post_id, member_id from feed_contributions"
                     + " order by member_id, post_id limit " + FeedAggregation.BATCH_SIZE);
             ResultSet picked = pick.executeQuery()) {
            while (picked.next()) {
                rows.add(new String[] {picked.getString(1), picked.getString(2), picked.getString(3)});
            }
        }
        StringBuilder sql = new StringBuilder("begin;\n");
        sql.append("select interaction_id from feed_pending_interactions order by enqueued_at limit ")
                .append(FeedAggregation.BATCH_SIZE).append(" for update skip locked;\n");
        for (String[] row : rows) {
            sql.append("select member_id from feed_group_members where group_id = ").append(PgBench.literal(row[0]))
                    .append(" and member_id = ").append(PgBench.literal(row[2])).append(" for update;\n");
            sql.append("select post_id from feed_post_summaries where group_id = ").append(PgBench.literal(row[0]))
                    .append(" and post_id = ").append(PgBench.literal(row[1])).append(" for update;\n");
            String key = " where group_id = " + PgBench.literal(row[0]) + " and post_id = " + PgBench.literal(row[1])
                    + " and member_id = " + PgBench.literal(row[2]);
            // The interaction's copy into the group, as the aggregation writes it (here one already there).
            sql.append("insert into feed_group_interactions (group_id, post_id, created_at, interaction_id, user_id, type,"
                    + " text) select group_id, post_id, created_at, interaction_id, user_id, type, text from"
                    + " feed_group_interactions where group_id = ").append(PgBench.literal(row[0])).append(" and post_id = ")
                    .append(PgBench.literal(row[1])).append(" and user_id = ").append(PgBench.literal(row[2]))
                    .append(" limit 1 on conflict do nothing;\n");
            sql.append("update feed_contributions set commented_at = commented_at").append(key).append(";\n");
            sql.append("update feed_contributions set latest_at = latest_at").append(key).append(";\n");
            sql.append("update feed_post_summaries s set (members, liked, commented, shared, earliest_at, latest_at) ="
                    + " (select count(*), count(c.liked_at), count(c.commented_at), count(c.shared_at), least(min(c.liked_at),"
                    + " min(c.commented_at), min(c.shared_at)), max(c.latest_at) from feed_contributions c where c.group_id ="
                    + " s.group_id and c.post_id = s.post_id) where s.group_id = ").append(PgBench.literal(row[0]))
                    .append(" and s.post_id = ").append(PgBench.literal(row[1])).append(";\n");
        }
        sql.append("delete from feed_pending_interactions where interaction_id = 'none';\n");
        return sql.append("commit;\n").toString();
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
        FeedOverHttp.measure(handover, HTTP_READS, LATENCY_SAMPLES);
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

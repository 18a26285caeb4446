package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.feed.FeedAggregation;
import dev.tillpoint.feed.FeedItem;
import dev.tillpoint.feed.FeedPolicy;
import dev.tillpoint.feed.FeedPolicyService;
import dev.tillpoint.feed.FeedService;
import dev.tillpoint.feed.GroupService;
import dev.tillpoint.feed.GroupView;
import dev.tillpoint.feed.InteractionService;
import dev.tillpoint.feed.InteractionType;
import dev.tillpoint.feed.MediaKind;
import dev.tillpoint.feed.NewGroup;
import dev.tillpoint.feed.NewPost;
import dev.tillpoint.feed.PostView;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feed's aggregation inside the server, with real transactions: a redelivered interaction event
 * changes nothing, and the window reaches back from the read, so interactions older than it drop a
 * post (shown with interactions stored 80 hours in the past, not by waiting). Restores the policy.
 */
class FeedAggregationIT extends InsideEarServices {

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(FeedAggregationIT.class, InsideEarServices.class, Cards.class);
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

    @AfterEach
    void restorePolicy() {
        policies.replace(FeedPolicy.DEFAULT);
    }

    private record World(String viewer, String a, String b, String groupId, String postId) {
    }

    private World world() {
        String viewer = customer();
        String a = customer();
        String b = customer();
        GroupView group = ok(groups.create(viewer, new NewGroup("inside", List.of(a, b))));
        ok(groups.accept(a, group.id()));
        ok(groups.accept(b, group.id()));
        PostView post = ok(posts.publish(customer(), new NewPost(MediaKind.VIDEO, "inside", "https://media.example/v", null)));
        return new World(viewer, a, b, group.id(), post.id());
    }

    @Test
    void aRedeliveredInteractionEventChangesNothing() throws Exception {
        World w = world();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Envelope likeOfA = event(w.postId, store(w.postId, w.a, InteractionType.LIKE, now), w.a, InteractionType.LIKE, now);
        assertEquals(1, (int) inTransaction(() -> aggregation.take(likeOfA)), "fanned out to the one group of a");
        assertEquals(0, (int) inTransaction(() -> aggregation.take(likeOfA)), "a redelivery is skipped");
        Envelope commentOfB = event(w.postId, store(w.postId, w.b, InteractionType.COMMENT, now), w.b,
                InteractionType.COMMENT, now);
        assertEquals(1, (int) inTransaction(() -> aggregation.take(commentOfB)));
        assertEquals(0, (int) inTransaction(() -> aggregation.take(commentOfB)));
        FeedItem item = itemOf(w.viewer, w.postId).orElseThrow(() -> new AssertionError("post not in the feed"));
        assertEquals(3, item.score());
        assertEquals(2, item.interactionCount());
        assertEquals(2, item.interactions().size());
    }

    @Test
    void aPoisonEventIsRefusedSoThatItEndsInTheDeadLetterQueue() {
        Envelope wrongType = new Envelope("msg_" + UUID.randomUUID(), "SOMETHING_ELSE", 1, Instant.now(),
                Json.createObjectBuilder().build());
        Envelope noFields = new Envelope("msg_" + UUID.randomUUID(), InteractionService.EVENT_TYPE,
                InteractionService.EVENT_VERSION, Instant.now(), Json.createObjectBuilder().add("postId", 1).build());
        assertThrows(Exception.class, () -> inTransaction(() -> aggregation.take(wrongType)));
        assertThrows(Exception.class, () -> inTransaction(() -> aggregation.take(noFields)));
    }

    @Test
    void theWindowReachesBackFromTheReadSoOldInteractionsDropAPost() throws Exception {
        World w = world();
        Instant eightyHoursAgo = Instant.now().minus(Duration.ofHours(80)).truncatedTo(ChronoUnit.MICROS);
        for (String member : List.of(w.a, w.b)) {
            Envelope like = event(w.postId, store(w.postId, member, InteractionType.LIKE, eightyHoursAgo), member,
                    InteractionType.LIKE, eightyHoursAgo);
            inTransaction(() -> aggregation.take(like));
        }
        assertTrue(itemOf(w.viewer, w.postId).isEmpty(), "80-hour-old likes count in a 72-hour window");

        policies.replace(policy(100));
        FeedItem item = itemOf(w.viewer, w.postId).orElseThrow(() -> new AssertionError("not in a 100-hour window"));
        assertEquals(2, item.score());
        assertEquals(2, item.interactionCount());

        policies.replace(policy(79));
        assertTrue(itemOf(w.viewer, w.postId).isEmpty(), "the window did not drop the post");
    }

    private static FeedPolicy policy(int windowHours) {
        Map<InteractionType, Integer> weights = new HashMap<>(FeedPolicy.DEFAULT.weights());
        return new FeedPolicy(2, windowHours, weights, 2);
    }

    private Optional<FeedItem> itemOf(String viewer, String postId) {
        Page<FeedItem> page = ok(feed.feedOf(viewer, new PageRequest(50, null)));
        return page.items().stream().filter(item -> item.post().id().equals(postId)).findFirst();
    }

    /** An interaction row as the service stores it (with its pending mark), at a chosen time; its id. */
    private String store(String postId, String userId, InteractionType type, Instant at) throws Exception {
        String id = "int_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        inTransaction(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("insert into feed_interactions"
                         + " (id, post_id, user_id, type, repeat_key, text, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, postId);
                insert.setString(3, userId);
                insert.setString(4, type.name());
                insert.setString(5, type == InteractionType.COMMENT ? null : type.name());
                insert.setString(6, type == InteractionType.COMMENT ? "inside" : null);
                insert.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.executeUpdate();
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement pending = connection.prepareStatement(
                         "insert into feed_pending_interactions (interaction_id, enqueued_at) values (?, ?)")) {
                pending.setString(1, id);
                pending.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                return pending.executeUpdate();
            }
        });
        return id;
    }

    /** The event the interaction service would have sent for that row. */
    private static Envelope event(String postId, String interactionId, String userId, InteractionType type, Instant at) {
        return new Envelope("msg_" + UUID.randomUUID(), InteractionService.EVENT_TYPE, InteractionService.EVENT_VERSION,
                at, Json.createObjectBuilder().add("interactionId", interactionId).add("postId", postId)
                        .add("userId", userId).add("type", type.name()).add("createdAt", at.toString()).build());
    }

    private static <T> T ok(Result<T> result) {
        return ((Result.Ok<T>) assertInstanceOf(Result.Ok.class, result, () -> "not ok: " + result)).value();
    }
}

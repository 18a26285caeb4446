package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Social-feed test data and reads through the API (DESIGN.md "Social feed"), each helper asserting
 * the happy-path answer. The policy is global: a test that changes it restores {@link #DEFAULT_POLICY}.
 */
final class Feeds {

    /** DESIGN.md's example policy, which is also the shipped default. */
    static final Map<String, Object> DEFAULT_POLICY = policy(2, 72, 1, 2, 3, 2);

    /** How long a test waits for the aggregation to show an interaction: "within a second", with slack. */
    static final long AWAIT_MILLIS = 10_000;

    private Feeds() {
    }

    static Map<String, Object> policy(int minMembers, int windowHours, int like, int comment, int share, int minScore) {
        return Bodies.map("minInteractingMembers", minMembers, "windowHours", windowHours,
                "weights", Bodies.map("LIKE", like, "COMMENT", comment, "SHARE", share), "minScore", minScore);
    }

    static JsonNode putPolicy(Map<String, Object> policy) {
        return Expect.ok(Api.admin().put(Endpoint.REPLACE_FEED_POLICY.path(), Bodies.json(policy)));
    }

    static void restoreDefaultPolicy() {
        putPolicy(DEFAULT_POLICY);
    }

    static Api as(String customer) {
        return Api.as(customer, "customer");
    }

    /** A group of {@code owner} and {@code others}, who were invited and accepted; its id. */
    static String group(String owner, String... others) {
        String group = Expect.created(as(owner).post(Endpoint.CREATE_GROUP.path(),
                Bodies.json("name", "IT group", "members", Arrays.asList(others)))).get("id").asText();
        for (String other : others) {
            accept(other, group);
        }
        return group;
    }

    /** {@code member} invites {@code invitee} into the group, who accepts; the group as the acceptance answers. */
    static JsonNode join(String member, String group, String invitee) {
        Expect.ok(as(member).post(Endpoint.ADD_GROUP_MEMBER.path(group), Bodies.json("userId", invitee)));
        return accept(invitee, group);
    }

    static JsonNode accept(String invitee, String group) {
        return Expect.ok(as(invitee).send("POST", Endpoint.ACCEPT_INVITATION.path(group), null, null));
    }

    /**
     * Makes {@code member}, named in {@code group}'s creation, a member: accepts the invitation where
     * the server invites (DESIGN.md "Social feed"), nothing where naming already made them one.
     */
    static void join(String member, String group) {
        if (Bank.itemIds(Expect.ok(as(member).get(Endpoint.MY_GROUPS.path()))).contains(group)) {
            return;
        }
        Expect.ok(as(member).send("POST", "/api/v1/group-invitations/" + group + "/accept", null, null));
    }

    static String post(String author) {
        return Expect.created(as(author).post(Endpoint.CREATE_POST.path(), Bodies.json("mediaType", "ARTICLE",
                "title", "IT post", "url", "https://media.example/" + Api.uniqueId("p")))).get("id").asText();
    }

    static Answer interact(String user, String post, String type, String text) {
        return as(user).post(Endpoint.INTERACT.path(post), Bodies.json("type", type, "text", text));
    }

    static JsonNode like(String user, String post) {
        return accepted(interact(user, post, "LIKE", null));
    }

    static JsonNode share(String user, String post) {
        return accepted(interact(user, post, "SHARE", null));
    }

    static JsonNode comment(String user, String post, String text) {
        return accepted(interact(user, post, "COMMENT", text));
    }

    static JsonNode accepted(Answer answer) {
        return Expect.json(answer, 202);
    }

    static JsonNode feedPage(String viewer, String limit, String cursor) {
        StringBuilder path = new StringBuilder(Endpoint.MY_FEED.path());
        String separator = "?";
        if (limit != null) {
            path.append(separator).append("limit=").append(limit);
            separator = "&";
        }
        if (cursor != null) {
            path.append(separator).append("cursor=").append(cursor);
        }
        return Expect.ok(as(viewer).get(path.toString()));
    }

    /** Every item of the viewer's feed, following nextCursor. */
    static List<JsonNode> wholeFeed(String viewer, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = feedPage(viewer, String.valueOf(limit), cursor);
            page.get("items").forEach(items::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            if (++pages > 1000) {
                fail("the feed does not end");
            }
        } while (cursor != null);
        return items;
    }

    /** The feed item of {@code post}, or null. */
    static JsonNode itemOf(List<JsonNode> feed, String post) {
        return feed.stream().filter(item -> post.equals(item.path("post").path("id").asText())).findFirst().orElse(null);
    }

    static JsonNode itemOf(String viewer, String post) {
        return itemOf(wholeFeed(viewer, 50), post);
    }

    /** Polls the viewer's feed until {@code post}'s item (null when absent) satisfies {@code condition}. */
    static JsonNode await(String viewer, String post, Predicate<JsonNode> condition, String what) {
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        JsonNode item;
        do {
            item = itemOf(viewer, post);
            if (condition.test(item)) {
                return item;
            }
            sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("after " + AWAIT_MILLIS + " ms, " + what + ": " + item);
    }

    static JsonNode awaitPresent(String viewer, String post) {
        return await(viewer, post, item -> item != null, "post " + post + " is not in " + viewer + "'s feed");
    }

    static JsonNode awaitScore(String viewer, String post, long score) {
        return await(viewer, post, item -> item != null && item.path("score").asLong() == score,
                "post " + post + " has not score " + score + " in " + viewer + "'s feed");
    }

    /**
     * Polls until the post's item has {@code score} and lists {@code count} interactions in all:
     * what an item lists is aggregated like its score, and an interaction that moves no first use
     * (a repeated comment) may be aggregated after the score is reached.
     */
    static JsonNode awaitScoreAndCount(String viewer, String post, long score, long count) {
        return await(viewer, post, item -> item != null && item.path("score").asLong() == score
                        && item.path("interactionCount").asLong() == count,
                "post " + post + " has not score " + score + " and " + count + " interactions in " + viewer + "'s feed");
    }

    /** Asserts the post stays out of the viewer's feed for {@code millis} (the aggregation had time to act). */
    static void assertAbsentFor(String viewer, String post, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        do {
            JsonNode item = itemOf(viewer, post);
            assertEquals(null, item, () -> "post " + post + " is in " + viewer + "'s feed");
            sleep(100);
        } while (System.currentTimeMillis() < deadline);
    }

    static List<String> users(JsonNode item) {
        List<String> users = new ArrayList<>();
        item.path("interactions").forEach(shown -> users.add(shown.path("userId").asText()));
        return users;
    }

    /** A valid request to a feed endpoint as {@code caller}, on real data of {@code customer}. */
    static Answer sendValid(Endpoint endpoint, Api caller, String customer) {
        return switch (endpoint) {
            case CREATE_GROUP -> caller.post(endpoint.path(), Bodies.json("name", "Xml group"));
            case ADD_GROUP_MEMBER -> caller.post(endpoint.path(group(customer)), Bodies.json("userId", customer));
            case LEAVE_GROUP -> caller.delete(endpoint.path(group(customer)));
            case ACCEPT_INVITATION, DECLINE_INVITATION -> {
                String group = Expect.created(as(Bank.customer()).post(Endpoint.CREATE_GROUP.path(),
                        Bodies.json("name", "Xml group", "members", List.of(customer)))).get("id").asText();
                yield caller.send("POST", endpoint.path(group), null, null);
            }
            case CREATE_POST -> caller.post(endpoint.path(), Bodies.json("mediaType", "IMAGE", "title", "Xml post",
                    "url", "https://media.example/xml"));
            case INTERACT -> caller.post(endpoint.path(post(customer)), Bodies.json("type", "LIKE"));
            case REPLACE_FEED_POLICY -> caller.put(endpoint.path(), Bodies.json(DEFAULT_POLICY));
            default -> caller.get(endpoint.path());
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

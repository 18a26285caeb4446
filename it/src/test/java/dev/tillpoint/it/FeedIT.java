package dev.tillpoint.it;

import static dev.tillpoint.it.Feeds.assertAbsentFor;
import static dev.tillpoint.it.Feeds.awaitPresent;
import static dev.tillpoint.it.Feeds.awaitScore;
import static dev.tillpoint.it.Feeds.comment;
import static dev.tillpoint.it.Feeds.group;
import static dev.tillpoint.it.Feeds.like;
import static dev.tillpoint.it.Feeds.post;
import static dev.tillpoint.it.Feeds.share;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Social feed" against the deployed EAR: groups, posts, interactions aggregated through
 * JMS, the preset policy and the ranked, paged feed. Every test builds its own customers and groups;
 * the policy is global, so tests that change it restore the default (they run one after another).
 */
class FeedIT extends DeployedEar {

    /** How long an absent post is watched: the aggregation shows an interaction within a second. */
    private static final long ABSENT_MILLIS = 1_500;

    @AfterEach
    void restorePolicy() {
        Feeds.restoreDefaultPolicy();
    }

    /** A viewer with two fellow members and an outside author: the smallest world a feed item needs. */
    private record World(String viewer, String a, String b, String author, String group) {
        static World create() {
            String viewer = Bank.customer();
            String a = Bank.customer();
            String b = Bank.customer();
            return new World(viewer, a, b, Bank.customer(), Feeds.group(viewer, a, b));
        }
    }

    @Test
    void aPostBelowTheThresholdIsAbsentAndAtTheThresholdPresentWithTheInteractions() {
        World w = World.create();
        String p = post(w.author);
        like(w.a, p);
        assertAbsentFor(w.viewer, p, ABSENT_MILLIS);

        comment(w.b, p, "Worth reading");
        JsonNode item = awaitScore(w.viewer, p, 3);
        assertEquals(w.group, item.path("groupId").asText(), item::toString);
        assertEquals(p, item.path("post").path("id").asText());
        assertEquals(w.author, item.path("post").path("authorId").asText());
        assertEquals("ARTICLE", item.path("post").path("mediaType").asText());
        assertTrue(item.path("rankScore").isNumber() && item.path("rankScore").asDouble() > 0, item::toString);
        assertEquals(2, item.path("interactionCount").asLong(), item::toString);
        JsonNode newest = item.path("interactions").get(0);
        assertEquals(w.b, newest.path("userId").asText(), item::toString);
        assertEquals("COMMENT", newest.path("type").asText(), item::toString);
        assertEquals("Worth reading", newest.path("text").asText(), item::toString);
        Instant.parse(newest.path("at").asText());
        JsonNode older = item.path("interactions").get(1);
        assertEquals("LIKE", older.path("type").asText(), item::toString);
        assertFalse(older.has("text"), item::toString);
    }

    @Test
    void theViewersOwnInteractionsAndPostsDoNotCount() {
        World w = World.create();
        String p = post(w.author);
        like(w.viewer, p);
        like(w.a, p);
        // b sees two other members (viewer and a): the barrier that both likes were aggregated.
        awaitScore(w.b, p, 2);
        assertNull(Feeds.itemOf(w.viewer, p), "the viewer's own like counted for the viewer");

        String own = post(w.viewer);
        like(w.a, own);
        like(w.b, own);
        String outsider = Bank.customer();
        group(outsider, w.a, w.b);
        awaitScore(outsider, own, 2);
        assertNull(Feeds.itemOf(w.viewer, own), "the viewer's own post is in their feed");
    }

    @Test
    void aPostCountsOnlyInGroupsItsAuthorIsNotIn() {
        String viewer = Bank.customer();
        String a = Bank.customer();
        String b = Bank.customer();
        String author = Bank.customer();
        group(viewer, a, b, author);
        String p = post(author);
        like(a, p);
        like(b, p);
        String other = Bank.customer();
        group(other, a, b);
        awaitScore(other, p, 2);
        assertNull(Feeds.itemOf(viewer, p), "a post of a fellow member counted as a third account's");
    }

    @Test
    void onlyTheGroupsMembersInteractionsAreShownAndCountedAndNoGroupLeaksIntoAnother() {
        World w = World.create();
        String stranger = Bank.customer();
        String other1 = Bank.customer();
        String other2 = Bank.customer();
        String otherGroup = group(other1, other2, w.a);
        String p = post(w.author);
        comment(stranger, p, "not a member");
        share(other1, p);
        comment(other2, p, "other group");
        like(w.a, p);
        like(w.b, p);

        JsonNode forOther = awaitScore(other1, p, 3); // other2's comment (2) and a's like (1): other1 is the viewer
        assertEquals(otherGroup, forOther.path("groupId").asText());
        JsonNode item = awaitScore(w.viewer, p, 2);
        assertEquals(w.group, item.path("groupId").asText(), item::toString);
        assertEquals(2, item.path("interactionCount").asLong(), item::toString);
        assertEquals(Set.of(w.a, w.b), new HashSet<>(Feeds.users(item)), item::toString);
        assertFalse(item.toString().contains("other group") || item.toString().contains("not a member"), item::toString);

        Expect.problem(Feeds.as(w.viewer).post(Endpoint.ADD_GROUP_MEMBER.path(otherGroup),
                Bodies.json("userId", w.viewer)), 404, "NOT_FOUND");
        Expect.problem(Feeds.as(w.viewer).delete(Endpoint.LEAVE_GROUP.path(otherGroup)), 404, "NOT_FOUND");
        JsonNode groups = Expect.ok(Feeds.as(w.viewer).get(Endpoint.MY_GROUPS.path()));
        assertEquals(List.of(w.group), Bank.itemIds(groups), groups::toString);
        JsonNode strangers = Feeds.feedPage(stranger, null, null);
        assertEquals(0, strangers.path("items").size(), () -> "a customer in no group has items: " + strangers);
    }

    @Test
    void aPostInTwoGroupsAppearsOnceUnderTheGroupWhereItScoresHighest() {
        World w = World.create();
        String c = Bank.customer();
        String d = Bank.customer();
        String e = Bank.customer();
        String second = group(w.viewer, c, d, e);
        String p = post(w.author);
        like(w.a, p);
        like(w.b, p);
        like(c, p);
        like(d, p);
        share(e, p);
        awaitScore(w.viewer, p, 5);
        List<JsonNode> feed = Feeds.wholeFeed(w.viewer, 50);
        List<JsonNode> items = feed.stream().filter(item -> p.equals(item.path("post").path("id").asText())).toList();
        assertEquals(1, items.size(), feed::toString);
        assertEquals(second, items.get(0).path("groupId").asText());
        assertEquals(Set.of(c, d, e), new HashSet<>(Feeds.users(items.get(0))));
    }

    @Test
    void weightsAndMinScoreAreRespected() {
        World w = World.create();
        String likeAndComment = post(w.author);
        String twoLikes = post(w.author);
        String shareAndComment = post(w.author);
        String tenComments = post(w.author);
        like(w.a, likeAndComment);
        comment(w.b, likeAndComment, "one");
        like(w.a, twoLikes);
        like(w.b, twoLikes);
        share(w.a, shareAndComment);
        comment(w.b, shareAndComment, "two");
        for (int i = 0; i < 10; i++) {
            comment(w.a, tenComments, "again " + i);
        }
        like(w.b, tenComments);
        // Under the default policy (1, 2, 3; minScore 2) all four are in: the barrier for the reads below.
        awaitScore(w.viewer, likeAndComment, 3);
        awaitScore(w.viewer, twoLikes, 2);
        awaitScore(w.viewer, shareAndComment, 5);
        // Ten comments weigh as one but all are counted.
        Feeds.awaitScoreAndCount(w.viewer, tenComments, 3, 11);

        Feeds.putPolicy(Feeds.policy(2, 72, 1, 5, 0, 6));
        List<JsonNode> feed = Feeds.wholeFeed(w.viewer, 50);
        assertAll(
                () -> assertEquals(6, Feeds.itemOf(feed, likeAndComment).path("score").asLong()),
                () -> assertNull(Feeds.itemOf(feed, twoLikes), "2 < minScore 6"),
                () -> assertNull(Feeds.itemOf(feed, shareAndComment), "0 + 5 < minScore 6"),
                () -> assertEquals(6, Feeds.itemOf(feed, tenComments).path("score").asLong()));
    }

    @Test
    void aPolicyChangeTakesEffectAtTheNextReadAndIsReadBack() {
        World w = World.create();
        String p = post(w.author);
        like(w.a, p);
        assertAbsentFor(w.viewer, p, ABSENT_MILLIS);

        JsonNode put = Feeds.putPolicy(Feeds.policy(1, 24, 1, 2, 3, 1));
        assertEquals(1, put.path("minInteractingMembers").asInt(), put::toString);
        JsonNode read = Expect.ok(Api.admin().get(Endpoint.READ_FEED_POLICY.path()));
        assertEquals(put, read);
        assertEquals(24, read.path("windowHours").asInt());
        assertEquals(3, read.path("weights").path("SHARE").asInt());
        awaitPresent(w.viewer, p); // one member is enough now

        Feeds.restoreDefaultPolicy();
        assertNull(Feeds.itemOf(w.viewer, p), "two members are needed again");
        assertEquals(Api.JSON.valueToTree(Feeds.DEFAULT_POLICY), Expect.ok(Api.admin().get(Endpoint.READ_FEED_POLICY.path())));
    }

    @Test
    void aMemberWhoJoinsBringsTheirInteractionsAndOneWhoLeavesTakesThemAway() {
        String viewer = Bank.customer();
        String a = Bank.customer();
        String b = Bank.customer();
        String g = group(viewer, a);
        String p = post(Bank.customer());
        like(b, p);
        like(a, p);
        assertAbsentFor(viewer, p, ABSENT_MILLIS);

        JsonNode invited = Expect.ok(Feeds.as(a).post(Endpoint.ADD_GROUP_MEMBER.path(g), Bodies.json("userId", b)));
        assertEquals(Set.of(viewer, a), new HashSet<>(toList(invited.path("members"))), invited::toString);
        assertEquals(List.of(b), toList(invited.path("invited")), invited::toString);
        JsonNode again = Expect.ok(Feeds.as(viewer).post(Endpoint.ADD_GROUP_MEMBER.path(g), Bodies.json("userId", b)));
        assertEquals(invited, again, "inviting twice changes nothing");
        assertAbsentFor(viewer, p, ABSENT_MILLIS);
        JsonNode joined = Feeds.accept(b, g);
        assertEquals(Set.of(viewer, a, b), new HashSet<>(toList(joined.path("members"))), joined::toString);
        assertEquals(List.of(), toList(joined.path("invited")), joined::toString);
        JsonNode member = Expect.ok(Feeds.as(viewer).post(Endpoint.ADD_GROUP_MEMBER.path(g), Bodies.json("userId", b)));
        assertEquals(joined, member, "inviting a member changes nothing");
        JsonNode item = Feeds.itemOf(viewer, p);
        assertNotNull(item, "the joining member's earlier like is fanned into the group");
        assertEquals(2, item.path("score").asLong());

        Expect.noContent(Feeds.as(b).delete(Endpoint.LEAVE_GROUP.path(g)));
        assertNull(Feeds.itemOf(viewer, p), "the leaving member's like still counts");
        Expect.problem(Feeds.as(b).delete(Endpoint.LEAVE_GROUP.path(g)), 404, "NOT_FOUND");
        Expect.problem(Feeds.as(b).post(Endpoint.ADD_GROUP_MEMBER.path(g), Bodies.json("userId", b)), 404, "NOT_FOUND");

        String afterLeaving = post(Bank.customer());
        like(a, afterLeaving);
        like(b, afterLeaving);
        String elsewhere = Bank.customer();
        group(elsewhere, a, b);
        awaitScore(elsewhere, afterLeaving, 2);
        assertNull(Feeds.itemOf(viewer, afterLeaving), "a former member's new like fanned into the group they left");
    }

    @Test
    void aRepeatedLikeOrShareChangesNothingWhileCommentsRepeat() {
        World w = World.create();
        String p = post(w.author);
        JsonNode first = like(w.a, p);
        JsonNode second = like(w.a, p);
        assertEquals(first.path("id"), second.path("id"), "a repeated LIKE is the first one");
        assertEquals(first.path("createdAt"), second.path("createdAt"));
        assertEquals(share(w.a, p).path("id"), share(w.a, p).path("id"));
        assertNotEquals(comment(w.b, p, "x").path("id"), comment(w.b, p, "x").path("id"));
        assertEquals(p, first.path("postId").asText());
        assertEquals("LIKE", first.path("type").asText());
        Feeds.awaitScoreAndCount(w.viewer, p, 1 + 3 + 2, 4);
    }

    /**
     * A comment repeated after the item was read moves no summary, yet the item lists it at the
     * next read: what servers hold of an item's interactions is held by the group's version, which
     * every new row of the group's copy raises.
     */
    @Test
    void aCommentRepeatedAfterTheItemWasReadIsListedAtTheNextRead() {
        World w = World.create();
        String p = post(w.author);
        like(w.a, p);
        comment(w.b, p, "first");
        Feeds.awaitScoreAndCount(w.viewer, p, 1 + 2, 2);
        comment(w.b, p, "again");
        JsonNode item = Feeds.awaitScoreAndCount(w.viewer, p, 1 + 2, 3);
        assertEquals("again", item.path("interactions").get(0).path("text").asText(), item::toString);
    }

    @Test
    void groupsAreJoinedByInvitationOnlyAndNoAnswerTellsWhoIsACustomer() {
        String owner = Bank.customer();
        String bob = Bank.customer();
        String nobody = Api.uniqueId("nobody");
        JsonNode created = Expect.created(Feeds.as(owner).post(Endpoint.CREATE_GROUP.path(),
                Bodies.json("name", "Friends", "members", List.of(bob, nobody, bob, owner))));
        String group = created.path("id").asText();
        assertEquals("Friends", created.path("name").asText());
        assertEquals(List.of(owner), toList(created.path("members")), created::toString);
        assertEquals(List.of(bob, nobody).stream().sorted().toList(), toList(created.path("invited")), created::toString);
        assertEquals(List.of(), Bank.itemIds(Expect.ok(Feeds.as(bob).get(Endpoint.MY_GROUPS.path()))),
                "an invitee is no member before accepting");

        JsonNode invitations = Expect.ok(Feeds.as(bob).get(Endpoint.MY_INVITATIONS.path()));
        assertEquals(1, invitations.path("items").size(), invitations::toString);
        JsonNode invitation = invitations.path("items").get(0);
        assertEquals(group, invitation.path("groupId").asText());
        assertEquals("Friends", invitation.path("groupName").asText());
        assertEquals(owner, invitation.path("invitedBy").asText());
        assertTrue(invitation.path("at").asText().endsWith("Z"), invitation::toString);

        // An id that is no customer is invited exactly like a customer: same status, same shape.
        String carol = Bank.customer();
        JsonNode toCustomer = Expect.ok(Feeds.as(owner).post(Endpoint.ADD_GROUP_MEMBER.path(group), Bodies.json("userId", carol)));
        JsonNode toNobody = Expect.ok(Feeds.as(owner).post(Endpoint.ADD_GROUP_MEMBER.path(group),
                Bodies.json("userId", Api.uniqueId("nobody"))));
        assertEquals(toCustomer.size(), toNobody.size());
        assertEquals(List.of(owner), toList(toNobody.path("members")));

        JsonNode accepted = Feeds.accept(bob, group);
        assertEquals(List.of(bob, owner).stream().sorted().toList(), toList(accepted.path("members")), accepted::toString);
        assertEquals(List.of(created.path("id").asText()), Bank.itemIds(Expect.ok(Feeds.as(bob).get(Endpoint.MY_GROUPS.path()))));
        assertEquals(0, Expect.ok(Feeds.as(bob).get(Endpoint.MY_INVITATIONS.path())).path("items").size());
        Expect.problem(Feeds.as(bob).send("POST", Endpoint.ACCEPT_INVITATION.path(group), null, null), 404, "NOT_FOUND");

        Expect.noContent(Feeds.as(carol).send("POST", Endpoint.DECLINE_INVITATION.path(group), null, null));
        Expect.problem(Feeds.as(carol).send("POST", Endpoint.ACCEPT_INVITATION.path(group), null, null), 404, "NOT_FOUND");
        Expect.problem(Feeds.as(carol).send("POST", Endpoint.DECLINE_INVITATION.path(group), null, null), 404, "NOT_FOUND");
        JsonNode mine = Expect.ok(Feeds.as(owner).get(Endpoint.MY_GROUPS.path())).path("items").get(0);
        assertFalse(toList(mine.path("invited")).contains(carol), mine::toString);
        assertFalse(toList(mine.path("members")).contains(carol), mine::toString);
        Expect.problem(Feeds.as(carol).post(Endpoint.ADD_GROUP_MEMBER.path(group), Bodies.json("userId", carol)),
                404, "NOT_FOUND");
        Expect.problem(Feeds.as(owner).post(Endpoint.INTERACT.path(Api.uniqueId("pst")), Bodies.json("type", "LIKE")),
                404, "NOT_FOUND");
    }

    @Test
    void aStrangerNamingCustomersInANewGroupNeverReadsTheirComments() {
        World w = World.create();
        String p = post(w.author);
        comment(w.a, p, "between friends");
        comment(w.b, p, "only for us");
        awaitScore(w.viewer, p, 4);

        String stranger = Bank.customer();
        Expect.created(Feeds.as(stranger).post(Endpoint.CREATE_GROUP.path(),
                Bodies.json("name", "Trap", "members", List.of(w.a, w.b))));
        assertAbsentFor(stranger, p, ABSENT_MILLIS);
        String later = post(w.author);
        comment(w.a, later, "later");
        comment(w.b, later, "still only for us");
        awaitScore(w.viewer, later, 4);
        assertAbsentFor(stranger, later, ABSENT_MILLIS);
    }

    @Test
    void pagingOverMoreThanAHundredItemsWhileInteractionsArriveRepeatsAndSkipsNothing() {
        World w = World.create();
        int count = 105;
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = post(w.author);
            posts.add(p);
            like(w.a, p);
            if (i % 3 == 0) {
                comment(w.b, p, "c" + i);
            } else {
                like(w.b, p);
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (Feeds.wholeFeed(w.viewer, 50).size() < count && System.currentTimeMillis() < deadline) {
            Feeds.sleep(200);
        }
        String c = Bank.customer();
        Feeds.join(w.viewer, w.group, c);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            JsonNode answer = Feeds.feedPage(w.viewer, "10", cursor);
            answer.get("items").forEach(seen::add);
            cursor = answer.hasNonNull("nextCursor") ? answer.get("nextCursor").asText() : null;
            // Between pages: shares lifting the oldest posts (still on later pages) above the page
            // boundary, and new posts that qualify at once; neither may change the pages to come.
            for (int i = 0; i < 3; i++) {
                share(c, posts.get((page * 3 + i) % count));
            }
            String fresh = post(w.author);
            like(w.a, fresh);
            like(w.b, fresh);
            Feeds.sleep(150);
            page++;
        } while (cursor != null);

        List<String> ids = seen.stream().map(item -> item.path("post").path("id").asText()).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), () -> "a post was shown twice: " + ids);
        assertEquals(new HashSet<>(posts), new HashSet<>(ids), "the pages skipped or added posts");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i - 1).path("rankScore").asDouble() >= seen.get(i).path("rankScore").asDouble(),
                    "not ranked by rankScore at " + i);
        }
        assertTrue(Feeds.wholeFeed(w.viewer, 50).size() > count, "a fresh first page shows the posts that came since");
    }

    @Test
    void badLimitsAndCursorsAre400AndACursorOfAnotherViewerIsRefused() {
        World w = World.create();
        for (int i = 0; i < 3; i++) {
            String p = post(w.author);
            like(w.a, p);
            like(w.b, p);
        }
        long deadline = System.currentTimeMillis() + Feeds.AWAIT_MILLIS;
        while (Feeds.wholeFeed(w.viewer, 50).size() < 3 && System.currentTimeMillis() < deadline) {
            Feeds.sleep(100);
        }
        JsonNode first = Feeds.feedPage(w.viewer, "1", null);
        assertEquals(1, first.path("items").size(), first::toString);
        String cursor = first.path("nextCursor").asText();
        assertFalse(cursor.isEmpty(), first::toString);
        Expect.ok(Feeds.as(w.viewer).get(Endpoint.MY_FEED.path() + "?limit=50"));
        for (String limit : List.of("0", "51", "-1", "abc", "", "1.5", "200")) {
            Expect.validation(Feeds.as(w.viewer).get(Endpoint.MY_FEED.path() + "?limit=" + limit), "limit");
        }
        for (String bad : List.of("x", "AAAA", cursor.substring(0, cursor.length() - 2), "A".repeat(600))) {
            Expect.validation(Feeds.as(w.viewer).get(Endpoint.MY_FEED.path() + "?cursor=" + bad), "cursor");
        }
        Expect.validation(Feeds.as(w.a).get(Endpoint.MY_FEED.path() + "?cursor=" + cursor), "cursor");
        String groupsCursor = Expect.ok(Feeds.as(w.viewer).get(Endpoint.MY_GROUPS.path())).path("nextCursor").asText("");
        assertEquals("", groupsCursor, "one group, one page");
        Expect.ok(Feeds.as(w.viewer).get(Endpoint.MY_FEED.path() + "?limit=2&cursor=" + cursor));
    }

    private static List<String> toList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

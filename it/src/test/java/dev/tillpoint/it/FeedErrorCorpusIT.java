package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * DESIGN.md "Errors" for the social feed's bodies (and OWASP API4's bounds): every broken body is a
 * 400 problem+json naming the field, and the last test shows that none of them created a group, a
 * member, an interaction or a policy change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedErrorCorpusIT extends DeployedEar {

    /**
     * Who sends the broken bodies: a member of one group with a fellow member and a viewer. Created
     * on first use, once the EAR is deployed.
     */
    private static final class Fixture {
        static final String USER = Bank.customer();
        static final String FELLOW = Bank.customer();
        static final String VIEWER = Bank.customer();
        static final String GROUP = Feeds.group(VIEWER, USER, FELLOW);
        static final String POST = Feeds.post(Bank.customer());
    }
    /** Customers that broken add-member bodies named: none may have become a member. */
    private static final Set<String> NAMED = Collections.synchronizedSet(new HashSet<>());

    private static DynamicTest broken(String name, Endpoint endpoint, String path, Map<String, Object> body, String field) {
        return dynamicTest(endpoint + ": " + name, () -> {
            Api caller = endpoint.role.equals("admin") ? Api.admin() : Feeds.as(Fixture.USER);
            Answer answer = caller.send(endpoint.method, path, Bodies.json(body), "application/json");
            Expect.validation(answer, field);
        });
    }

    private static Map<String, Object> group() {
        return Bodies.map("name", "Corpus", "members", List.of(Fixture.FELLOW));
    }

    private static Map<String, Object> post() {
        return Bodies.map("mediaType", "AUDIO", "title", "Corpus", "url", "https://media.example/corpus", "summary", "s");
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> brokenGroupBodies() {
        Endpoint create = Endpoint.CREATE_GROUP;
        List<String> tooMany = IntStream.range(0, 201).mapToObj(i -> Api.uniqueId("m")).toList();
        return Stream.of(
                broken("name missing", create, create.path(), Bodies.without(group(), "name"), "name"),
                broken("name null", create, create.path(), Bodies.with(group(), "name", null), "name"),
                broken("name blank", create, create.path(), Bodies.with(group(), "name", "  "), "name"),
                broken("name of 101", create, create.path(), Bodies.with(group(), "name", "n".repeat(101)), "name"),
                broken("name a number", create, create.path(), Bodies.with(group(), "name", 12), "name"),
                broken("members a string", create, create.path(), Bodies.with(group(), "members", Fixture.FELLOW), "members"),
                broken("201 members", create, create.path(), Bodies.with(group(), "members", tooMany), "members"),
                broken("member a number", create, create.path(), Bodies.with(group(), "members", List.of(1)), "members[0]"),
                broken("member a bad id", create, create.path(), Bodies.with(group(), "members", List.of("a b")), "members[0]"),
                broken("unknown field", create, create.path(), Bodies.with(group(), "owner", Fixture.VIEWER), "owner"));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> brokenMemberBodies() {
        Endpoint add = Endpoint.ADD_GROUP_MEMBER;
        String path = add.path(Fixture.GROUP);
        String named = Bank.customer();
        NAMED.add(named);
        return Stream.of(
                broken("userId missing", add, path, Bodies.map(), "userId"),
                broken("userId null", add, path, Bodies.with(Bodies.map(), "userId", null), "userId"),
                broken("userId empty", add, path, Bodies.map("userId", ""), "userId"),
                broken("userId a bad id", add, path, Bodies.map("userId", "a/b"), "userId"),
                broken("userId of 65", add, path, Bodies.map("userId", "u".repeat(65)), "userId"),
                broken("userId a number", add, path, Bodies.map("userId", 7), "userId"),
                broken("unknown field", add, path, Bodies.map("userId", named, "role", "owner"), "role"));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> brokenPostBodies() {
        Endpoint create = Endpoint.CREATE_POST;
        String path = create.path();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(broken("mediaType missing", create, path, Bodies.without(post(), "mediaType"), "mediaType"));
        for (Object bad : List.of("PODCAST", "article", 1, "")) {
            tests.add(broken("mediaType " + bad, create, path, Bodies.with(post(), "mediaType", bad), "mediaType"));
        }
        tests.add(broken("title missing", create, path, Bodies.without(post(), "title"), "title"));
        tests.add(broken("title empty", create, path, Bodies.with(post(), "title", ""), "title"));
        tests.add(broken("title of 201", create, path, Bodies.with(post(), "title", "t".repeat(201)), "title"));
        tests.add(broken("url missing", create, path, Bodies.without(post(), "url"), "url"));
        for (String bad : List.of("ftp://media.example/x", "javascript:alert(1)", "https://", "not a url",
                "https:///no-host", "data:text/html,hi", "https://" + "a".repeat(2041))) {
            tests.add(broken("url " + Bodies.show(bad), create, path, Bodies.with(post(), "url", bad), "url"));
        }
        tests.add(broken("summary of 2001", create, path, Bodies.with(post(), "summary", "s".repeat(2001)), "summary"));
        tests.add(broken("authorId given", create, path, Bodies.with(post(), "authorId", Fixture.USER), "authorId"));
        return tests.stream();
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> brokenInteractionBodies() {
        Endpoint interact = Endpoint.INTERACT;
        String path = interact.path(Fixture.POST);
        return Stream.of(
                broken("type missing", interact, path, Bodies.map("text", "x"), "type"),
                broken("type unknown", interact, path, Bodies.map("type", "LOVE"), "type"),
                broken("type a number", interact, path, Bodies.map("type", 0), "type"),
                broken("comment without text", interact, path, Bodies.map("type", "COMMENT"), "text"),
                broken("comment with blank text", interact, path, Bodies.map("type", "COMMENT", "text", " "), "text"),
                broken("comment of 1001", interact, path, Bodies.map("type", "COMMENT", "text", "c".repeat(1001)), "text"),
                broken("like with text", interact, path, Bodies.map("type", "LIKE", "text", "x"), "text"),
                broken("userId given", interact, path, Bodies.map("type", "SHARE", "userId", Fixture.FELLOW), "userId"));
    }

    @TestFactory
    @Order(5)
    Stream<DynamicTest> brokenPolicyBodies() {
        Endpoint put = Endpoint.REPLACE_FEED_POLICY;
        String path = put.path();
        Map<String, Object> valid = Feeds.policy(1, 1, 0, 0, 0, 0);
        Map<String, Object> weights = Bodies.map("LIKE", 0, "COMMENT", 0, "SHARE", 0);
        return Stream.of(
                broken("minInteractingMembers 0", put, path, Bodies.with(valid, "minInteractingMembers", 0), "minInteractingMembers"),
                broken("minInteractingMembers missing", put, path, Bodies.without(valid, "minInteractingMembers"), "minInteractingMembers"),
                broken("minInteractingMembers a string", put, path, Bodies.with(valid, "minInteractingMembers", "2"), "minInteractingMembers"),
                broken("minInteractingMembers 1.5", put, path, Bodies.with(valid, "minInteractingMembers", 1.5), "minInteractingMembers"),
                broken("windowHours 0", put, path, Bodies.with(valid, "windowHours", 0), "windowHours"),
                broken("windowHours 8761", put, path, Bodies.with(valid, "windowHours", 8761), "windowHours"),
                broken("weights missing", put, path, Bodies.without(valid, "weights"), "weights"),
                broken("weights a list", put, path, Bodies.with(valid, "weights", List.of(1, 2, 3)), "weights"),
                broken("SHARE missing", put, path, Bodies.with(valid, "weights", Bodies.without(weights, "SHARE")), "weights.SHARE"),
                broken("LIKE negative", put, path, Bodies.with(valid, "weights", Bodies.with(weights, "LIKE", -1)), "weights.LIKE"),
                broken("an unknown type", put, path, Bodies.with(valid, "weights", Bodies.with(weights, "LOVE", 1)), "weights.LOVE"),
                broken("minScore negative", put, path, Bodies.with(valid, "minScore", -1), "minScore"),
                broken("minScore missing", put, path, Bodies.without(valid, "minScore"), "minScore"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noBrokenBodyCreatedAGroupAMemberAnInteractionOrAPolicy() {
        assertEquals(Api.JSON.valueToTree(Feeds.DEFAULT_POLICY), Expect.ok(Api.admin().get(Endpoint.READ_FEED_POLICY.path())),
                "a broken policy was stored");
        JsonNode groups = Expect.ok(Feeds.as(Fixture.USER).get(Endpoint.MY_GROUPS.path()));
        assertEquals(List.of(Fixture.GROUP), Bank.itemIds(groups), groups::toString);
        List<String> members = new ArrayList<>();
        groups.path("items").get(0).path("members").forEach(member -> members.add(member.asText()));
        assertEquals(Set.of(Fixture.VIEWER, Fixture.USER, Fixture.FELLOW), new HashSet<>(members), () -> "members changed: " + members + " " + NAMED);

        Feeds.like(Fixture.USER, Fixture.POST);
        Feeds.like(Fixture.FELLOW, Fixture.POST);
        JsonNode item = Feeds.awaitScore(Fixture.VIEWER, Fixture.POST, 2);
        assertEquals(2, item.path("interactionCount").asLong(), () -> "a broken interaction was stored: " + item);
    }
}

package dev.tillpoint.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedRankingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void rankScoreIsTheScoreOverAgePlusTwoToTheOnePointFive() {
        assertEquals(4 / Math.pow(2, 1.5), FeedRanking.rankScore(4, NOW, NOW), 1e-12);
        assertEquals(4 / Math.pow(12, 1.5), FeedRanking.rankScore(4, NOW.minus(Duration.ofHours(10)), NOW), 1e-12);
        assertEquals(4 / Math.pow(2, 1.5), FeedRanking.rankScore(4, NOW.plusSeconds(5), NOW), 1e-12,
                "a contribution after the ranking instant is no younger than zero");
    }

    @Test
    void postsBelowThePolicyAreLeftOutAndEachPostAppearsOnceUnderItsBestGroup() {
        List<GroupScore> scores = List.of(
                new GroupScore("g1", "p1", 2, 2, NOW),
                new GroupScore("g2", "p1", 3, 5, NOW.minus(Duration.ofHours(30))),
                new GroupScore("g1", "p2", 1, 9, NOW),
                new GroupScore("g1", "p3", 2, 1, NOW),
                new GroupScore("g1", "p4", 2, 3, NOW.minus(Duration.ofHours(1))));
        List<FeedRanking.Ranked> feed = FeedRanking.rank(scores, FeedPolicy.DEFAULT, NOW, Optional.empty());
        assertEquals(List.of("p4", "p1"), feed.stream().map(FeedRanking.Ranked::postId).toList(),
                "p2 has one member, p3 a score of 1; p1 ranks under g2 (score 5, 30 h old) below p4");
        assertEquals("g2", feed.get(1).best().groupId());
    }

    @Test
    void aPageAfterAPositionHoldsExactlyTheItemsAfterItInTheOrder() {
        List<GroupScore> scores = List.of(
                new GroupScore("g", "a", 2, 4, NOW),
                new GroupScore("g", "b", 2, 4, NOW),
                new GroupScore("g", "c", 2, 2, NOW),
                new GroupScore("g", "d", 2, 8, NOW));
        List<FeedRanking.Ranked> all = FeedRanking.rank(scores, FeedPolicy.DEFAULT, NOW, Optional.empty());
        assertEquals(List.of("d", "a", "b", "c"), all.stream().map(FeedRanking.Ranked::postId).toList());
        FeedRanking.Ranked a = all.get(1);
        List<FeedRanking.Ranked> after = FeedRanking.rank(scores, FeedPolicy.DEFAULT, NOW,
                Optional.of(new FeedRanking.Position(a.rankScore(), a.postId())));
        assertEquals(List.of("b", "c"), after.stream().map(FeedRanking.Ranked::postId).toList(),
                "ties break by post id, so the boundary splits them exactly");
    }

    @Test
    void aPolicyOutOfBoundsIsRefusedNamingTheField() {
        assertTrue(FeedPolicy.of(0, 72, FeedPolicy.DEFAULT.weights(), 2).toString().contains("minInteractingMembers"));
        assertTrue(FeedPolicy.of(2, 8761, FeedPolicy.DEFAULT.weights(), 2).toString().contains("windowHours"));
        assertTrue(FeedPolicy.of(2, 72, java.util.Map.of(InteractionType.LIKE, 1), 2).toString().contains("weights.SHARE"));
        assertTrue(FeedPolicy.of(2, 72, FeedPolicy.DEFAULT.weights(), -1).toString().contains("minScore"));
        assertEquals(FeedPolicy.DEFAULT, ((dev.tillpoint.shared.Result.Ok<FeedPolicy>) FeedPolicy.of(2, 72,
                FeedPolicy.DEFAULT.weights(), 2)).value());
    }
}

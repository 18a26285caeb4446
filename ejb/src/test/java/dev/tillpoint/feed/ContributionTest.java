package dev.tillpoint.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContributionTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void eachTypeKeepsItsFirstUseAndTheLatestIsTheLatestFirstUse() throws Exception {
        Contribution contribution = new Contribution();
        contribution.record(InteractionType.COMMENT, T0.plusSeconds(60));
        contribution.record(InteractionType.LIKE, T0.plusSeconds(30));
        contribution.record(InteractionType.COMMENT, T0.plusSeconds(600));
        contribution.record(InteractionType.COMMENT, T0);
        assertEquals(T0, field(contribution, "commentedAt"), "a late-aggregated older comment moves the first use back");
        assertEquals(T0.plusSeconds(30), field(contribution, "likedAt"));
        assertEquals(T0.plusSeconds(30), field(contribution, "latestAt"));
        contribution.record(InteractionType.LIKE, T0.plusSeconds(30));
        assertEquals(T0.plusSeconds(30), field(contribution, "latestAt"), "recording twice changes nothing");
    }

    private static Object field(Contribution contribution, String name) throws Exception {
        Field field = Contribution.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(contribution);
    }
}

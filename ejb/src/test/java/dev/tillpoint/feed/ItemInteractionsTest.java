package dev.tillpoint.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What an item lists from the rows held in memory against the database statement's rule
 * ({@link PageInteractions}): the others' rows inside the window, newest first (ties by
 * interaction id, descending), at most 20, and how many there are; or no answer, only where the
 * rows held in full cannot tell.
 */
class ItemInteractionsTest {

    private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");
    private static final Instant HORIZON = NOW.minus(Duration.ofHours(FeedPolicy.MAX_WINDOW_HOURS));
    private static final List<String> USERS = List.of("cus_a", "cus_b", "cus_c", "cus_viewer");

    private record Row(ItemInteractions.Full full) {
        Instant at() {
            return full.shown().at();
        }

        String user() {
            return full.shown().userId();
        }
    }

    private static List<Row> rows(Random random, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Few distinct instants, so ties by time are ordered by the interaction id.
            Instant at = NOW.minus(Duration.ofHours(random.nextInt(100))).plus(Duration.ofHours(random.nextInt(3)));
            String user = USERS.get(random.nextInt(USERS.size()));
            rows.add(new Row(new ItemInteractions.Full(new FeedItem.Shown(user, InteractionType.COMMENT, "t" + i, at),
                    String.format("int_%05d", random.nextInt(100_000)))));
        }
        return rows;
    }

    /** As the load statement holds them: every row's time and user, and the newest 40 in full. */
    private static ItemInteractions.Held held(List<Row> rows) {
        List<ItemInteractions.Full> newest = rows.stream().map(Row::full).sorted(ItemInteractions.Full.NEWEST_FIRST)
                .limit(ItemInteractions.NEWEST_HELD).toList();
        return ItemInteractions.Held.of(1, HORIZON, rows.stream().map(Row::at).toList(),
                rows.stream().map(Row::user).toList(), newest);
    }

    private static PageInteractions.Shown reference(List<Row> rows, String viewer, Instant windowStart, Instant asOf) {
        List<ItemInteractions.Full> inside = rows.stream()
                .filter(row -> row.at().isAfter(windowStart) && !row.at().isAfter(asOf) && !row.user().equals(viewer))
                .map(Row::full).sorted(ItemInteractions.Full.NEWEST_FIRST).toList();
        return new PageInteractions.Shown(inside.size(), inside.stream().limit(FeedService.MAX_SHOWN_INTERACTIONS)
                .map(ItemInteractions.Full::shown).toList());
    }

    @Test
    void theRowsHeldAnswerEveryWindowAndViewerAsTheDatabaseWouldOrNotAtAll() {
        Random random = new Random(10);
        int answered = 0;
        int unanswered = 0;
        for (int round = 0; round < 2_000; round++) {
            List<Row> rows = rows(random, random.nextInt(80));
            ItemInteractions.Held held = held(rows);
            String viewer = USERS.get(random.nextInt(USERS.size()));
            Instant asOf = NOW.minus(Duration.ofHours(random.nextInt(30)));
            Instant windowStart = asOf.minus(Duration.ofHours(1 + random.nextInt(90)));
            PageInteractions.Shown shown = held.shown(viewer, windowStart, asOf);
            if (shown == null) {
                assertTrue(rows.size() > ItemInteractions.NEWEST_HELD, "rows all held in full always answer");
                unanswered++;
            } else {
                PageInteractions.Shown expected = reference(rows, viewer, windowStart, asOf);
                assertEquals(expected.total(), shown.total(), () -> "count of " + rows.size() + " rows");
                assertEquals(expected.newest(), shown.newest());
                answered++;
            }
        }
        assertTrue(answered > 1_500 && unanswered > 0, answered + " answered, " + unanswered + " not");
    }

    @Test
    void aWindowReachingBackPastTheHorizonIsNotAnsweredFromMemory() {
        ItemInteractions.Held held = held(rows(new Random(3), 5));
        assertNull(held.shown("cus_viewer", HORIZON.minusSeconds(1), NOW));
        assertNotNull(held.shown("cus_viewer", HORIZON, NOW));
    }

    @Test
    void theViewersOwnAmongTheNewestAreSkippedUsingTheSpareAndBeyondItMemoryDoesNotAnswer() {
        PageInteractions.Shown within = held(ownFirst(15, 45)).shown("cus_viewer", NOW.minus(Duration.ofHours(72)), NOW);
        assertNotNull(within, "15 of the viewer's own among the 40 held leave 25 others for the 20 shown");
        assertEquals(45, within.total());
        assertEquals(FeedService.MAX_SHOWN_INTERACTIONS, within.newest().size());
        assertTrue(within.newest().stream().noneMatch(shown -> shown.userId().equals("cus_viewer")));
        assertNull(held(ownFirst(30, 30)).shown("cus_viewer", NOW.minus(Duration.ofHours(72)), NOW),
                "30 of the viewer's own among the 40 held leave 10 others, and more exist");
        assertNotNull(held(ownFirst(30, 30)).shown("cus_a", NOW.minus(Duration.ofHours(72)), NOW),
                "another viewer of the same item is answered");
    }

    /** {@code own} rows of the viewer, newest, then {@code others} older rows of another member. */
    private static List<Row> ownFirst(int own, int others) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < own + others; i++) {
            rows.add(new Row(new ItemInteractions.Full(new FeedItem.Shown(i < own ? "cus_viewer" : "cus_b",
                    InteractionType.LIKE, null, NOW.minusSeconds(i)), String.format("int_%05d", i))));
        }
        return rows;
    }

    @Test
    void anItemBusierThanTheHeldRowsIsAlwaysReadFromTheDatabase() {
        List<Row> rows = rows(new Random(7), ItemInteractions.MAX_HELD_ROWS + 1);

        ItemInteractions.Held held = held(rows);

        assertTrue(held.tooBusy());
        assertNull(held.shown("cus_viewer", NOW.minus(Duration.ofHours(48)), NOW));
    }

    @Test
    void anItemWithAsManyRowsAsHeldIsAnsweredFromMemory() {
        List<Row> rows = rows(new Random(7), ItemInteractions.MAX_HELD_ROWS);

        ItemInteractions.Held held = held(rows);

        assertEquals(reference(rows, "cus_nobody", NOW.minus(Duration.ofHours(48)), NOW),
                held.shown("cus_nobody", NOW.minus(Duration.ofHours(48)), NOW));
    }
}

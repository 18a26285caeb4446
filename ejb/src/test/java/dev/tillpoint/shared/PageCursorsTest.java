package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorsTest {

    private static final PageCursors.Scope ALICES_ACCOUNTS = new PageCursors.Scope("accounts", "alice");
    private static final CreationOrder POSITION =
            new CreationOrder(Instant.parse("2026-11-28T10:15:30.123456Z"), "acc_Q2x9-_z");

    private final SecretKey key = TestKeys.hmac();
    private final PageCursors cursors = new PageCursors(key);

    @Test
    void readsBackThePositionItIssued() {
        String cursor = cursors.issue(ALICES_ACCOUNTS, POSITION.cursorFields());

        assertEquals(Optional.of(POSITION.cursorFields()), cursors.read(cursor, ALICES_ACCOUNTS));
        assertEquals(Result.ok(Optional.of(POSITION)), startOf(cursor, ALICES_ACCOUNTS));
    }

    @Test
    void keepsAnyTextInTheFieldsAndAnEmptyPosition() {
        List<String> fields = List.of("", "zürich ✓", "x".repeat(255));

        assertEquals(Optional.of(fields), cursors.read(cursors.issue(ALICES_ACCOUNTS, fields), ALICES_ACCOUNTS));
        assertEquals(Optional.of(List.of()), cursors.read(cursors.issue(ALICES_ACCOUNTS, List.of()), ALICES_ACCOUNTS));
    }

    @Test
    void isUrlSafeAndShort() {
        String cursor = cursors.issue(ALICES_ACCOUNTS, new CreationOrder(Instant.now(), "x".repeat(64)).cursorFields());

        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertTrue(cursor.length() < PageCursors.MAX_CURSOR_CHARS, cursor);
    }

    @Test
    void theSamePositionGivesTheSameCursor() {
        assertEquals(cursors.issue(ALICES_ACCOUNTS, POSITION.cursorFields()),
                new PageCursors(key).issue(ALICES_ACCOUNTS, POSITION.cursorFields()));
    }

    @Test
    void refusesAnAlteredPayload() {
        byte[] signed = decode(cursors.issue(ALICES_ACCOUNTS, POSITION.cursorFields()));
        for (int i = 0; i < signed.length - PageCursors.TAG_BYTES; i++) {
            byte[] altered = signed.clone();
            altered[i] ^= 0x01;

            assertEquals(Optional.empty(), cursors.read(encode(altered), ALICES_ACCOUNTS), "payload byte " + i);
        }
    }

    @Test
    void refusesAnAlteredTag() {
        byte[] signed = decode(cursors.issue(ALICES_ACCOUNTS, POSITION.cursorFields()));
        for (int i = signed.length - PageCursors.TAG_BYTES; i < signed.length; i++) {
            byte[] altered = signed.clone();
            altered[i] ^= (byte) 0x80;

            assertEquals(Optional.empty(), cursors.read(encode(altered), ALICES_ACCOUNTS), "tag byte " + i);
        }
    }

    @Test
    void refusesAPositionResignedWithAnotherKey() {
        String forged = new PageCursors(TestKeys.hmac()).issue(ALICES_ACCOUNTS, POSITION.cursorFields());

        assertEquals(Optional.empty(), cursors.read(forged, ALICES_ACCOUNTS));
    }

    @Test
    void refusesAnotherCallersCursor() {
        String bobs = cursors.issue(new PageCursors.Scope("accounts", "bob"), POSITION.cursorFields());

        assertEquals(Optional.empty(), cursors.read(bobs, ALICES_ACCOUNTS));
        assertInvalidCursor(startOf(bobs, ALICES_ACCOUNTS));
    }

    @Test
    void refusesAnotherListsCursorOfTheSameCaller() {
        String terminals = cursors.issue(new PageCursors.Scope("terminals", "alice"), POSITION.cursorFields());

        assertEquals(Optional.empty(), cursors.read(terminals, ALICES_ACCOUNTS));
    }

    @Test
    void scopesThatConcatenateAlikeDoNotShareCursors() {
        String cursor = cursors.issue(new PageCursors.Scope("accounts", "alice"), POSITION.cursorFields());

        assertEquals(Optional.empty(), cursors.read(cursor, new PageCursors.Scope("accountsa", "lice")));
        assertEquals(Optional.empty(), cursors.read(cursor, new PageCursors.Scope("account", "salice")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "abc", "abcd", "!!!!", "%2F%2F", "not a cursor", "AAAA====", "a=b",
            "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "\u00e9\u00e9\u00e9\u00e9",
            "+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/"})
    void refusesGarbage(String garbage) {
        assertEquals(Optional.empty(), cursors.read(garbage, ALICES_ACCOUNTS));
        assertInvalidCursor(startOf(garbage, ALICES_ACCOUNTS));
    }

    @Test
    void refusesRandomBytesOfACursorsLengthAndOverlongInput() {
        String real = cursors.issue(ALICES_ACCOUNTS, POSITION.cursorFields());
        String random = encode(TestKeys.randomBytes(decode(real).length));

        assertEquals(Optional.empty(), cursors.read(random, ALICES_ACCOUNTS));
        assertEquals(Optional.empty(), cursors.read(real + "A".repeat(PageCursors.MAX_CURSOR_CHARS), ALICES_ACCOUNTS));
        assertEquals(Optional.empty(), cursors.read(null, ALICES_ACCOUNTS));
    }

    @Test
    void refusesATruncatedCursor() {
        String cursor = cursors.issue(ALICES_ACCOUNTS, POSITION.cursorFields());
        byte[] signed = decode(cursor);

        for (int chars = 0; chars < cursor.length(); chars++) {
            assertEquals(Optional.empty(), cursors.read(cursor.substring(0, chars), ALICES_ACCOUNTS), chars + " chars");
        }
        byte[] payloadOnly = Arrays.copyOf(signed, signed.length - PageCursors.TAG_BYTES);
        assertEquals(Optional.empty(), cursors.read(encode(payloadOnly), ALICES_ACCOUNTS));
        byte[] tagOnly = Arrays.copyOfRange(signed, signed.length - PageCursors.TAG_BYTES, signed.length);
        assertEquals(Optional.empty(), cursors.read(encode(tagOnly), ALICES_ACCOUNTS));
    }

    @Test
    void refusesAValidCursorWhoseFieldsAreNotThePositionTheListReads() {
        String other = cursors.issue(ALICES_ACCOUNTS, List.of("not a time", "acc_1"));

        assertTrue(cursors.read(other, ALICES_ACCOUNTS).isPresent());
        assertInvalidCursor(startOf(other, ALICES_ACCOUNTS));
    }

    @Test
    void theFirstPageHasNoStart() {
        assertEquals(Result.ok(Optional.empty()),
                cursors.startOf(new PageRequest(10, null), ALICES_ACCOUNTS, CreationOrder::fromCursorFields));
    }

    @Test
    void refusesToIssueAFieldOverTheLimit() {
        assertThrows(IllegalArgumentException.class, () -> cursors.issue(ALICES_ACCOUNTS, List.of("x".repeat(256))));
        assertThrows(IllegalArgumentException.class, () -> cursors.issue(ALICES_ACCOUNTS, List.of("é".repeat(128))));
    }

    @Test
    void differsByPositionAndByScope() {
        String cursor = cursors.issue(ALICES_ACCOUNTS, POSITION.cursorFields());

        assertNotEquals(cursor, cursors.issue(ALICES_ACCOUNTS, List.of(POSITION.createdAt().toString(), "acc_other")));
        assertNotEquals(cursor, cursors.issue(new PageCursors.Scope("accounts", "bob"), POSITION.cursorFields()));
        assertFalse(new String(decode(cursor), StandardCharsets.ISO_8859_1).contains("alice"),
                "the scope is signed, not carried");
    }

    private Result<Optional<CreationOrder>> startOf(String cursor, PageCursors.Scope scope) {
        return cursors.startOf(new PageRequest(10, cursor), scope, CreationOrder::fromCursorFields);
    }

    private static void assertInvalidCursor(Result<?> result) {
        Result.Failure<?> failure = assertInstanceOf(Result.Failure.class, result);
        assertEquals(ErrorCode.VALIDATION_FAILED, failure.code());
        assertEquals(List.of(PageRequest.CURSOR), failure.errors().stream().map(Result.FieldError::field).toList());
    }

    private static byte[] decode(String cursor) {
        return Base64.getUrlDecoder().decode(cursor);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

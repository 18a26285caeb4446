package dev.tillpoint.shared;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Writes and reads the opaque cursors of paged lists ({@code nextCursor} in, {@code cursor} out).
 *
 * <p>A cursor is URL-safe Base64, unpadded, of {@code payload || tag}. The payload is a format
 * version and the position of the last item shown (a few strings, each one length byte and UTF-8,
 * such as that item's creation time and id). The tag is HMAC-SHA256 under the cursor-signing key
 * over the list's {@link Scope} (the list's name and the caller's id) and then the payload. The
 * scope is signed but not carried: a cursor of another list or of another caller fails the tag
 * exactly as an altered one does, so all of them get the same answer and none reveals why.
 *
 * <p>The tag stops clients from forging positions; it does not hide them. A cursor holds only what
 * its caller was shown already (the last item of their page), so it is not encrypted.
 */
@Dependent
public class PageCursors {

    static final int TAG_BYTES = 32;
    /** Far beyond any cursor written here; a longer one is refused before it is decoded. */
    static final int MAX_CURSOR_CHARS = 512;
    static final String NOT_A_CURSOR_OF_THIS_LIST = "is not a cursor of this list; ask for the first page without one";

    private static final String ALGORITHM = "HmacSHA256";
    /** Bumped when the payload changes shape, so that older cursors are refused rather than misread. */
    private static final byte FORMAT = 1;
    private static final int MAX_FIELD_BYTES = 255;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKey key;

    @Inject
    PageCursors(FieldKeys keys) {
        this(keys.cursorSigningKey());
    }

    public PageCursors(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * The list a cursor belongs to.
     *
     * @param list    the list's name, unique among the application's lists (e.g. {@code accounts})
     * @param ownerId whose list it is: the caller's id
     */
    public record Scope(String list, String ownerId) {
        public Scope {
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(ownerId, "ownerId");
        }
    }

    /**
     * A cursor for the page after {@code position}.
     *
     * @param position the last shown item's sort key as strings, each at most 255 UTF-8 bytes
     * @throws IllegalArgumentException when the position is too long for a cursor
     */
    public String issue(Scope scope, List<String> position) {
        Objects.requireNonNull(scope, "scope");
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(FORMAT);
        for (String field : position) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new IllegalArgumentException("A cursor field is at most " + MAX_FIELD_BYTES + " bytes");
            }
            payload.write(bytes.length);
            payload.writeBytes(bytes);
        }
        payload.writeBytes(tag(scope, payload.toByteArray(), payload.size()));
        String cursor = ENCODER.encodeToString(payload.toByteArray());
        if (cursor.length() > MAX_CURSOR_CHARS) {
            throw new IllegalArgumentException("A position of " + position.size() + " fields is too long for a cursor");
        }
        return cursor;
    }

    /**
     * The position a cursor written by {@link #issue} for {@code scope} carries.
     *
     * @return empty when the cursor is malformed, truncated, altered, or of another list or caller
     */
    public Optional<List<String>> read(String cursor, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        if (cursor == null || cursor.length() > MAX_CURSOR_CHARS) {
            return Optional.empty();
        }
        byte[] signed;
        try {
            signed = DECODER.decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            // Not a cursor of ours, an expected answer: the caller hears so as a 400 on the cursor.
            return Optional.empty();
        }
        int payloadLength = signed.length - TAG_BYTES;
        if (payloadLength < 1) {
            return Optional.empty();
        }
        byte[] expected = tag(scope, signed, payloadLength);
        byte[] given = Arrays.copyOfRange(signed, payloadLength, signed.length);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return fields(signed, payloadLength);
    }

    /**
     * Where the requested page starts.
     *
     * @param position reads a position from the fields the list issued; empty when they do not
     *                 have its shape (a cursor of an older format, say)
     * @return empty for the first page, else the position after which the page starts;
     *         {@code VALIDATION_FAILED} on {@code cursor} when {@link #read} refuses the cursor or
     *         {@code position} cannot read it
     */
    public <P> Result<Optional<P>> startOf(PageRequest request, Scope scope,
            Function<List<String>, Optional<P>> position) {
        if (request.cursor() == null) {
            return Result.ok(Optional.empty());
        }
        Optional<P> start = read(request.cursor(), scope).flatMap(position);
        if (start.isEmpty()) {
            return Result.invalid(PageRequest.CURSOR, NOT_A_CURSOR_OF_THIS_LIST);
        }
        return Result.ok(start);
    }

    /** HMAC over the scope, each part length-prefixed so no two scopes sign alike, then the payload. */
    private byte[] tag(Scope scope, byte[] payload, int payloadLength) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String part : List.of(scope.list(), scope.ownerId())) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                mac.update(bytes);
            }
            mac.update(payload, 0, payloadLength);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cursor signing is unavailable in this JVM", e);
        }
    }

    /** The payload's fields, or empty when it is of another format or does not parse. */
    private static Optional<List<String>> fields(byte[] payload, int length) {
        if (payload[0] != FORMAT) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        int at = 1;
        while (at < length) {
            int size = Byte.toUnsignedInt(payload[at++]);
            if (size > length - at) {
                return Optional.empty();
            }
            fields.add(new String(payload, at, size, StandardCharsets.UTF_8));
            at += size;
        }
        return Optional.of(List.copyOf(fields));
    }
}

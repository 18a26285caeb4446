package dev.tillpoint.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3629: only well-formed UTF-8 passes, whichever way it is read. */
class StrictUtf8InputStreamTest {

    @Test
    void wellFormedTextPassesUnchanged() throws IOException {
        byte[] text = "{\"name\":\"Zoë 東京 \uD83D\uDE00 \u0080 \uFFFF \uDBFF\uDFFF\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text, new StrictUtf8InputStream(new ByteArrayInputStream(text)).readAllBytes());
        assertArrayEquals(text, readByteByByte(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c0af",         // overlong '/', the classic path-traversal spelling
        "c180",         // overlong two-byte form
        "e080af",       // overlong three-byte form
        "f08080af",     // overlong four-byte form
        "eda080",       // a UTF-16 surrogate (U+D800) encoded in UTF-8
        "edbfbf",       // U+DFFF
        "f4908080",     // above U+10FFFF
        "f5808080",     // lead byte that is never UTF-8
        "ff",
        "80",           // continuation byte without a lead
        "c3",           // truncated at the end
        "e282",         // truncated three-byte sequence
        "c328",         // lead byte followed by ASCII
    })
    void malformedUtf8IsRefused(String hex) {
        byte[] body = concat("{\"name\":\"a".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(hex),
                "\"}".getBytes(StandardCharsets.US_ASCII));
        byte[] truncated = concat("{\"name\":\"a".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(hex));
        assertThrows(MalformedBodyException.class, () -> new StrictUtf8InputStream(new ByteArrayInputStream(body)).readAllBytes(), hex);
        assertThrows(MalformedBodyException.class, () -> readByteByByte(body), hex);
        assertThrows(MalformedBodyException.class,
                () -> new StrictUtf8InputStream(new ByteArrayInputStream(truncated)).readAllBytes(), hex + " at the end");
    }

    private static byte[] readByteByByte(byte[] bytes) throws IOException {
        InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(bytes));
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) in.read();
        }
        in.read();
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}

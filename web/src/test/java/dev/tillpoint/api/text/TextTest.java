package dev.tillpoint.api.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md "Errors": which characters a text field may hold. */
class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Alice", "Zoë Ünal", "東京", "emoji \uD83D\uDE00 ok", "a b", "\u00A0nbsp", "tab\u00A0",
        "\uFFFD", "x\u00A0\u200By"})
    void singleLineTextIsAccepted(String text) {
        assertTrue(Text.isSingleLine(text), text);
        assertTrue(Text.isFreeText(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "a\rb", "\u001F", "\u007F", "\u0080", "a\u0085b", "\u009F",
        "\uD800", "a\uD83D", "\uDE00", "\uDE00\uD83D", "x\uDBFFy"})
    void controlCharactersAndUnpairedSurrogatesAreRefusedEverywhere(String text) {
        assertFalse(Text.isSingleLine(text), text);
        assertFalse(Text.isFreeText(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "tab\tseparated", "\n", "\t", "a\n\tb"})
    void tabAndLineFeedAreFreeTextOnly(String text) {
        assertFalse(Text.isSingleLine(text), text);
        assertTrue(Text.isFreeText(text), text);
    }
}

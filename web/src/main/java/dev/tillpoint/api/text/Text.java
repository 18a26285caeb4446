package dev.tillpoint.api.text;

/**
 * The characters a text field may hold (DESIGN.md "Errors"): no control character
 * (U+0000-001F, U+007F-009F) and no unpaired surrogate; free text may also hold tab and line feed.
 */
public final class Text {

    /** The message of a refused single-line value; it never quotes the value. */
    public static final String SINGLE_LINE_MESSAGE =
            "must not contain control characters, line breaks or unpaired surrogates";
    /** The message of a refused free-text value. */
    public static final String FREE_TEXT_MESSAGE =
            "must not contain control characters other than tab and line feed, or unpaired surrogates";

    private Text() {
    }

    /** Whether {@code text} is acceptable as a single-line value (a name, an id, a key). */
    public static boolean isSingleLine(String text) {
        return isAcceptable(text, false);
    }

    /** Whether {@code text} is acceptable as free text: single-line rules, but tab and line feed allowed. */
    public static boolean isFreeText(String text) {
        return isAcceptable(text, true);
    }

    private static boolean isAcceptable(String text, boolean freeText) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (!(freeText && (c == '\t' || c == '\n'))) {
                    return false;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }
}

package dev.tillpoint.settlement;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settlement file a merchant downloads: CSV (RFC 4180, CRLF line ends) with one row per
 * payment and refund of a batch.
 *
 * <p>Merchants open these files in spreadsheets, and order ids are whatever the POS sent, so a
 * cell that a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, also behind leading spaces, no-break or zero-width spaces
 * or line feeds, which spreadsheets skip) gets a leading apostrophe first (OWASP's CSV injection
 * advice), and only then RFC 4180 quoting.
 */
public final class SettlementFile {

    static final String HEADER = "type,id,paymentId,terminalId,orderId,amount,currency,createdAt";
    private static final String LINE_END = "\r\n";

    private SettlementFile() {
    }

    public static String csv(List<SettlementLine> lines) {
        return Stream.concat(Stream.of(HEADER), lines.stream().map(SettlementFile::row))
                .collect(Collectors.joining(LINE_END, "", LINE_END));
    }

    private static String row(SettlementLine line) {
        return Stream.of(line.type().name(), line.id(), line.paymentId(), line.terminalId(),
                        line.orderId() == null ? "" : line.orderId(), Long.toString(line.amountMinor()),
                        line.currency(), line.createdAt().toString())
                .map(SettlementFile::cell)
                .collect(Collectors.joining(","));
    }

    /** Defuses a formula, then quotes as RFC 4180 asks when the text has a comma, a quote or a line break. */
    static String cell(String text) {
        String defused = startsLikeAFormula(text) ? "'" + text : text;
        if (defused.contains(",") || defused.contains("\"") || defused.contains("\r") || defused.contains("\n")) {
            return "\"" + defused.replace("\"", "\"\"") + "\"";
        }
        return defused;
    }

    /**
     * Whether a spreadsheet could read the cell as a formula: its first character is {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return, also after any run of blanks
     * that spreadsheets skip (space, no-break space, zero-width space, line feed and other
     * whitespace or format characters).
     */
    static boolean startsLikeAFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        int i = 0;
        while (i < text.length() && isSkippedBlank(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }

    private static boolean isSkippedBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT; // U+200B zero-width space, U+FEFF, ...
    }
}

package dev.tillpoint.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementFileTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");

    @Test
    void aFileHasTheHeaderAndOneCrlfEndedRowPerPaymentAndRefund() {
        String csv = SettlementFile.csv(List.of(
                new SettlementLine(SettlementLine.Type.PAYMENT, "pay_1", "pay_1", "till-1", "order-7", 1250, "EUR", AT),
                new SettlementLine(SettlementLine.Type.REFUND, "ref_1", "pay_1", "till-2", null, 250, "EUR", AT.plusSeconds(60))));
        assertEquals("type,id,paymentId,terminalId,orderId,amount,currency,createdAt\r\n"
                + "PAYMENT,pay_1,pay_1,till-1,order-7,1250,EUR,2026-11-28T10:15:30Z\r\n"
                + "REFUND,ref_1,pay_1,till-2,,250,EUR,2026-11-28T10:16:30Z\r\n", csv);
    }

    @Test
    void anEmptyBatchIsTheHeaderAlone() {
        assertEquals(SettlementFile.HEADER + "\r\n", SettlementFile.csv(List.of()));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", unquoted(SettlementFile.cell("=HYPERLINK(\"x\")")));
        assertEquals("'+1", SettlementFile.cell("+1"));
        assertEquals("'-1", SettlementFile.cell("-1"));
        assertEquals("'@SUM(A1)", SettlementFile.cell("@SUM(A1)"));
        assertEquals("'\tx", SettlementFile.cell("\tx"));
        assertEquals("\"'\rx\"", SettlementFile.cell("\rx"));
        assertEquals("a=b", SettlementFile.cell("a=b"), "only a leading character starts a formula");
    }

    @Test
    void formulasBehindBlanksASpreadsheetSkipsAreDefusedToo() {
        assertEquals("' =1+1", SettlementFile.cell(" =1+1"), "space");
        assertEquals("'\u00A0+1", SettlementFile.cell("\u00A0+1"), "no-break space");
        assertEquals("'\u200B-1", SettlementFile.cell("\u200B-1"), "zero-width space");
        assertEquals("\"'\n@SUM(A1)\"", SettlementFile.cell("\n@SUM(A1)"), "line feed, then quoted");
        assertEquals("'  \u3000\uFEFF=cmd", SettlementFile.cell("  \u3000\uFEFF=cmd"), "a run of several");
        assertEquals(" order 42", SettlementFile.cell(" order 42"), "blanks before text are no formula");
        assertEquals("   ", SettlementFile.cell("   "), "blanks only");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertEquals("\"a,b\"", SettlementFile.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SettlementFile.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", SettlementFile.cell("two\nlines"));
        assertEquals("\"'=1,2\"", SettlementFile.cell("=1,2"), "defused first, then quoted");
        assertEquals("plain", SettlementFile.cell("plain"));
        assertEquals("", SettlementFile.cell(""));
    }

    private static String unquoted(String cell) {
        return cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }
}

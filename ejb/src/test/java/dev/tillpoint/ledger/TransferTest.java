package dev.tillpoint.ledger;

import static dev.tillpoint.ledger.LedgerAccountTest.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransferTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    private final LedgerAccount funding = account(LedgerAccountKind.BANK_FUNDING);
    private final LedgerAccount customer = account(LedgerAccountKind.CUSTOMER);
    private final LedgerAccount merchant = account(LedgerAccountKind.MERCHANT);

    @Test
    void movesTheAmountFromTheDebitToTheCreditAccount() {
        Transfer transfer = Transfer.post("trf_1", request(funding, customer, 2_500, TransferKind.OPENING_BALANCE),
                funding, customer, NOW);

        assertEquals(-2_500, funding.balanceMinor());
        assertEquals(2_500, customer.balanceMinor());
        TransferView view = transfer.view();
        assertEquals(new TransferView("trf_1", funding.id(), customer.id(), "EUR", 2_500, TransferKind.OPENING_BALANCE,
                "ref", NOW), view);
    }

    @Test
    void refusesToOverdrawACustomerAndChangesNothing() {
        Transfer.post("trf_1", request(funding, customer, 1_000, TransferKind.OPENING_BALANCE), funding, customer, NOW);

        assertThrows(IllegalStateException.class, () -> Transfer.post("trf_2",
                request(customer, merchant, 1_001, TransferKind.PAYMENT), customer, merchant, NOW));
        assertEquals(1_000, customer.balanceMinor());
        assertEquals(0, merchant.balanceMinor());
    }

    @Test
    void refusesAccountsInAnotherCurrency() {
        LedgerAccount dollars = account(LedgerAccountKind.MERCHANT, "USD");
        TransferRequest inEuros = new TransferRequest(funding.id(), "mst_usd", "EUR", 100, TransferKind.PAYMENT, null);
        LedgerAccount euroMerchant = account(LedgerAccountKind.MERCHANT);
        TransferRequest inDollars = new TransferRequest(funding.id(), euroMerchant.id(), "USD", 100, TransferKind.PAYMENT, null);

        assertThrows(IllegalArgumentException.class, () -> Transfer.post("trf_1", inEuros, funding, dollars, NOW));
        assertThrows(IllegalArgumentException.class, () -> Transfer.post("trf_1", inDollars, funding, euroMerchant, NOW));
        assertEquals(0, funding.balanceMinor());
    }

    @Test
    void refusesAccountsOtherThanTheRequestNames() {
        TransferRequest request = request(funding, customer, 100, TransferKind.OPENING_BALANCE);

        assertThrows(IllegalArgumentException.class, () -> Transfer.post("trf_1", request, funding, merchant, NOW));
    }

    @Test
    void aRequestNeedsAPositiveAmountTwoAccountsAndACurrencyCode() {
        assertThrows(IllegalArgumentException.class, () -> new TransferRequest("a", "b", "EUR", 0, TransferKind.PAYMENT, null));
        assertThrows(IllegalArgumentException.class, () -> new TransferRequest("a", "b", "EUR", -1, TransferKind.PAYMENT, null));
        assertThrows(IllegalArgumentException.class, () -> new TransferRequest("a", "a", "EUR", 1, TransferKind.PAYMENT, null));
        assertThrows(IllegalArgumentException.class, () -> new TransferRequest("a", "b", "eur", 1, TransferKind.PAYMENT, null));
        assertThrows(NullPointerException.class, () -> new TransferRequest(null, "b", "EUR", 1, TransferKind.PAYMENT, null));
        assertThrows(NullPointerException.class, () -> new TransferRequest("a", "b", "EUR", 1, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new TransferRequest("a", "b", "EUR", 1, TransferKind.PAYMENT, "r".repeat(129)));
    }

    private static TransferRequest request(LedgerAccount debit, LedgerAccount credit, long amountMinor, TransferKind kind) {
        return new TransferRequest(debit.id(), credit.id(), debit.currency(), amountMinor, kind, "ref");
    }
}

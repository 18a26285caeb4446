package dev.tillpoint.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialBalanceTest {

    @Test
    void balancedWhenDebitsEqualCreditsInEveryCurrency() {
        TrialBalance trialBalance = TrialBalance.of(List.of(
                new CurrencyTotals("USD", 300, 300, 300), new CurrencyTotals("EUR", 1_000, 1_000, 1_000)));

        assertTrue(trialBalance.balanced());
    }

    @Test
    void unbalancedWhenAnyCurrencyDiffers() {
        TrialBalance trialBalance = TrialBalance.of(List.of(
                new CurrencyTotals("EUR", 1_000, 1_000, 1_000), new CurrencyTotals("GBP", 10, 11, 10)));

        assertFalse(trialBalance.balanced());
        assertFalse(trialBalance.currencies().get(1).balanced());
    }

    @Test
    void unbalancedWhenAccountTotalsAgreeButDriftFromTheTransfers() {
        // Both sides grew by 5 without a transfer: a lost or invented posting.
        TrialBalance trialBalance = TrialBalance.of(List.of(new CurrencyTotals("EUR", 1_005, 1_005, 1_000)));

        assertFalse(trialBalance.balanced());
    }

    @Test
    void listsCurrenciesInOrder() {
        TrialBalance trialBalance = TrialBalance.of(List.of(new CurrencyTotals("USD", 0, 0, 0),
                new CurrencyTotals("CNY", 0, 0, 0), new CurrencyTotals("EUR", 0, 0, 0)));

        assertEquals(List.of("CNY", "EUR", "USD"), trialBalance.currencies().stream().map(CurrencyTotals::currency).toList());
    }

    @Test
    void anEmptyLedgerIsBalanced() {
        assertTrue(TrialBalance.of(List.of()).balanced());
    }

    @Test
    void postingsKeepTheLedgerBalanced() {
        LedgerAccount funding = LedgerAccountTest.account(LedgerAccountKind.BANK_FUNDING);
        LedgerAccount customer = LedgerAccountTest.account(LedgerAccountKind.CUSTOMER);
        LedgerAccount merchant = LedgerAccountTest.account(LedgerAccountKind.MERCHANT);
        Transfer.post("trf_1", new TransferRequest(funding.id(), customer.id(), "EUR", 900, TransferKind.OPENING_BALANCE, null),
                funding, customer, java.time.Instant.EPOCH);
        Transfer.post("trf_2", new TransferRequest(customer.id(), merchant.id(), "EUR", 250, TransferKind.PAYMENT, null),
                customer, merchant, java.time.Instant.EPOCH);

        List<LedgerAccountView> views = List.of(funding.view(), customer.view(), merchant.view());
        long debits = views.stream().mapToLong(LedgerAccountView::debitsPostedMinor).sum();
        long credits = views.stream().mapToLong(LedgerAccountView::creditsPostedMinor).sum();

        assertTrue(TrialBalance.of(List.of(new CurrencyTotals("EUR", debits, credits, 900 + 250))).balanced());
        assertEquals(0, views.stream().mapToLong(LedgerAccountView::balanceMinor).sum());
    }
}

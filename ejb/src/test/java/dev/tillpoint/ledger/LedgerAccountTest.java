package dev.tillpoint.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    @Test
    void aCustomerAccountCanSpendItsBalanceButNotMore() {
        LedgerAccount customer = account(LedgerAccountKind.CUSTOMER);
        customer.credit(1_000);

        assertTrue(customer.canDebit(1_000));
        assertFalse(customer.canDebit(1_001));
        customer.debit(400);
        assertEquals(600, customer.balanceMinor());
        assertThrows(IllegalStateException.class, () -> customer.debit(601));
        assertEquals(600, customer.balanceMinor(), "a refused debit changes nothing");
    }

    @Test
    void anEmptyCustomerAccountRefusesAnyDebit() {
        assertFalse(account(LedgerAccountKind.CUSTOMER).canDebit(1));
    }

    @Test
    void bankAndMerchantAccountsMayGoNegative() {
        LedgerAccount funding = account(LedgerAccountKind.BANK_FUNDING);
        LedgerAccount merchant = account(LedgerAccountKind.MERCHANT);

        funding.debit(5_000);
        merchant.debit(1);

        assertEquals(-5_000, funding.balanceMinor());
        assertEquals(-1, merchant.balanceMinor());
    }

    @Test
    void totalsOnlyGrowAndBalanceIsCreditsMinusDebits() {
        LedgerAccount merchant = account(LedgerAccountKind.MERCHANT);
        merchant.credit(700);
        merchant.debit(200);

        LedgerAccountView view = merchant.view();
        assertEquals(200, view.debitsPostedMinor());
        assertEquals(700, view.creditsPostedMinor());
        assertEquals(500, view.balanceMinor());
    }

    @Test
    void refusesNonPositiveAmounts() {
        LedgerAccount merchant = account(LedgerAccountKind.MERCHANT);

        assertThrows(IllegalArgumentException.class, () -> merchant.credit(0));
        assertThrows(IllegalArgumentException.class, () -> merchant.debit(-5));
        assertThrows(IllegalArgumentException.class, () -> merchant.canDebit(0));
    }

    @Test
    void refusesATotalBeyondLongRange() {
        LedgerAccount merchant = account(LedgerAccountKind.MERCHANT);
        merchant.credit(Long.MAX_VALUE);

        assertThrows(ArithmeticException.class, () -> merchant.credit(1));
    }

    @Test
    void theOverdraftRuleFollowsTheKind() {
        assertTrue(LedgerAccountKind.CUSTOMER.debitsMustNotExceedCredits());
        assertFalse(LedgerAccountKind.MERCHANT.debitsMustNotExceedCredits());
        assertFalse(LedgerAccountKind.BANK_FUNDING.debitsMustNotExceedCredits());
        assertFalse(LedgerAccountKind.BANK_PAYOUT.debitsMustNotExceedCredits());
    }

    @Test
    void bankAccountsHaveFixedIdsPerCurrency() {
        assertEquals("bank-funding-EUR", LedgerAccountKind.BANK_FUNDING.bankAccountId("EUR"));
        assertEquals("bank-payout-JPY", LedgerAccountKind.BANK_PAYOUT.bankAccountId("JPY"));
        assertThrows(IllegalArgumentException.class, () -> LedgerAccountKind.CUSTOMER.bankAccountId("EUR"));
        assertThrows(IllegalArgumentException.class, LedgerAccountKind.BANK_FUNDING::idPrefix);
        assertEquals("acc", LedgerAccountKind.CUSTOMER.idPrefix());
    }

    static LedgerAccount account(LedgerAccountKind kind) {
        return account(kind, "EUR");
    }

    static LedgerAccount account(LedgerAccountKind kind, String currency) {
        String id = kind.isBankAccount() ? kind.bankAccountId(currency) : kind.idPrefix() + "_" + kind.name().toLowerCase();
        return new LedgerAccount(id, kind, currency, NOW);
    }
}

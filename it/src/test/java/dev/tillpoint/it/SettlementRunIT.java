package dev.tillpoint.it;

import dev.tillpoint.payments.RefundCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.merchants.MerchantView;
import dev.tillpoint.payments.PaymentView;
import dev.tillpoint.settlement.MerchantCurrency;
import dev.tillpoint.settlement.NightlySettlement;
import dev.tillpoint.settlement.SettlementBatchView;
import dev.tillpoint.settlement.SettlementRun;
import dev.tillpoint.settlement.SettlementService;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Settlement inside the server with real transactions: a run that fails before its commit (a
 * crash, in effect) leaves nothing settled and moves no money, and the retry settles everything
 * once; a batch sweeps each terminal's clearing account into the merchant's account and pays the
 * net out; the nightly timer is set at the default cut-off.
 */
class SettlementRunIT extends InsideEarPayments {

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(SettlementRunIT.class, InsideEarServices.class, InsideEarPayments.class, Cards.class);
    }

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    @EJB(lookup = EJB_MODULE + "SettlementService")
    SettlementService settlements;

    @EJB(lookup = EJB_MODULE + "SettlementRun")
    SettlementRun run;

    @EJB(lookup = EJB_MODULE + "NightlySettlement")
    NightlySettlement nightly;

    @Test
    void aRunThatFailsBeforeItsCommitSettlesNothingAndTheRetrySettlesEverythingOnce() throws Exception {
        Shop shop = shop(2);
        PaymentView first = pay(shop, 0, -1, 1_000);
        pay(shop, 1, 0, 600);
        assertInstanceOf(Result.Ok.class, payments.refund(caller(shop.terminals.get(1)), first.id(), UUID.randomUUID().toString(), new RefundCommand(150L)));
        long payoutBefore = balance(payoutAccount());

        transaction.begin();
        SettlementBatchView doomed = settlements.settle(new MerchantCurrency(shop.merchant.id(), "EUR"), Instant.now())
                .orElseThrow();
        assertEquals(1_450, doomed.netMinor(), "the batch was built before the failure");
        transaction.rollback();

        assertEquals(List.of(), settledIn(shop), "nothing stays settled by the failed run");
        assertEquals(payoutBefore, balance(payoutAccount()), "no money moved");
        assertEquals(0, balance(merchantAccount(shop)));

        List<SettlementBatchView> mine = run.settleNow().stream()
                .filter(batch -> batch.merchantId().equals(shop.merchant.id())).toList();
        assertEquals(1, mine.size(), () -> "one batch: " + mine);
        SettlementBatchView batch = mine.get(0);
        assertEquals(2, batch.paymentCount());
        assertEquals(1_600, batch.grossMinor());
        assertEquals(150, batch.refundsMinor());
        assertEquals(1_450, batch.netMinor());
        assertEquals(List.of(batch.id(), batch.id(), batch.id()), settledIn(shop), "both payments and the refund");
        assertTrue(run.settleNow().stream().noneMatch(b -> b.merchantId().equals(shop.merchant.id())), "settled once");
    }

    @Test
    void aBatchSweepsTheClearingAccountsIntoTheMerchantAndPaysTheNetOut() throws Exception {
        Shop shop = shop(2);
        PaymentView first = pay(shop, 0, 0, 2_000);
        PaymentView second = pay(shop, 1, 1, 500);
        assertInstanceOf(Result.Ok.class, payments.refund(caller(shop.terminals.get(0)), second.id(), UUID.randomUUID().toString(), new RefundCommand(100L)));
        String firstClearing = clearingAccountOf(first.id());
        String secondClearing = clearingAccountOf(second.id());
        assertEquals(2_000, balance(firstClearing));
        assertEquals(400, balance(secondClearing), "a refund debits the clearing account its payment credited");
        long payoutBefore = balance(payoutAccount());

        SettlementBatchView batch = settlements.settle(new MerchantCurrency(shop.merchant.id(), "EUR"), Instant.now()).orElseThrow();

        assertEquals(2_400, batch.netMinor());
        assertEquals(0, balance(firstClearing));
        assertEquals(0, balance(secondClearing));
        assertEquals(0, balance(merchantAccount(shop)), "the net went on to the payout account");
        assertEquals(payoutBefore + 2_400, balance(payoutAccount()));
        assertTrue(ledger.trialBalance().balanced());
    }

    @Test
    void theNightlyRunIsScheduledAtTheDefaultCutOffOfTwoUtc() {
        ZonedDateTime next = nightly.nextRunAt().orElseThrow().atZone(ZoneOffset.UTC);
        assertEquals(2, next.getHour());
        assertEquals(0, next.getMinute());
        assertTrue(next.toInstant().isAfter(Instant.now()) && next.toInstant().isBefore(Instant.now().plusSeconds(86_400 + 60)),
                () -> "next run " + next);
    }

    // --- set-up --------------------------------------------------------------------------------

    /** A merchant, its terminals, and one authorized customer paying there. */
    private record Shop(MerchantView merchant, List<String> terminals, AuthorizedAccount payer) {
    }

    private Shop shop(int terminalCount) {
        AuthorizedAccount payer = authorizedAccount(50_000);
        MerchantView merchant = merchant("Settling shop");
        List<String> terminals = new java.util.ArrayList<>();
        for (int i = 0; i < terminalCount; i++) {
            terminals.add(terminalOf(merchant));
        }
        return new Shop(merchant, List.copyOf(terminals), payer);
    }

    private PaymentView pay(Shop shop, int terminal, int step, long amount) {
        return pay(shop.terminals.get(terminal), shop.payer, shop.payer.code(step), amount);
    }

    private long balance(String ledgerAccountId) {
        return ledger.account(ledgerAccountId).orElseThrow().balanceMinor();
    }

    private String payoutAccount() {
        return ledger.bankAccount(LedgerAccountKind.BANK_PAYOUT, "EUR").id();
    }

    private String merchantAccount(Shop shop) throws Exception {
        return single("select settlement_account_id from merchants where id = ?", shop.merchant.id()).get(0);
    }

    private String clearingAccountOf(String paymentId) throws Exception {
        return single("select clearing_account_id from payments where id = ?", paymentId).get(0);
    }

    /** The settlement ids of the shop's payments and refunds, settled ones only. */
    private List<String> settledIn(Shop shop) throws Exception {
        return single("select settlement_id from payments where merchant_id = ? and settlement_id is not null"
                + " union all select settlement_id from refunds where merchant_id = ? and settlement_id is not null",
                shop.merchant.id(), shop.merchant.id());
    }

    private List<String> single(String sql, String... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}

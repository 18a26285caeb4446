package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.customers.AccountView;
import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.ledger.PostingOutcome;
import dev.tillpoint.ledger.TransferKind;
import dev.tillpoint.ledger.TransferRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The ledger's invariants, asserted twice as the ledger's rules say: once by the code (the
 * {@link Ledger} EJB in a real JTA transaction) and once by the database, which must refuse the
 * same corruption when a statement bypasses the code. Runs inside the server, on H2 and PostgreSQL.
 */
class LedgerInvariantsIT extends InsideEarServices {

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(LedgerInvariantsIT.class, InsideEarServices.class, Cards.class);
    }

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    @Test
    void theCodeRefusesAnOverdraftAndPostsWhatTheFundsCover() throws Exception {
        AccountView account = openAccount(1_000);
        String merchantAccount = ledger.openAccount(LedgerAccountKind.MERCHANT, "EUR").id();

        PostingOutcome tooMuch = inTransaction(() -> ledger.post(payment(account.id(), merchantAccount, 1_001)));
        assertInstanceOf(PostingOutcome.InsufficientFunds.class, tooMuch);
        PostingOutcome allOfIt = inTransaction(() -> ledger.post(payment(account.id(), merchantAccount, 1_000)));
        assertInstanceOf(PostingOutcome.Posted.class, allOfIt);

        assertEquals(0L, ledger.account(account.id()).orElseThrow().balanceMinor());
        assertEquals(1_000L, ledger.account(merchantAccount).orElseThrow().balanceMinor());
        assertTrue(ledger.trialBalance().balanced(), "trial balance after the payment");
    }

    @Test
    void theCodeRefusesATransferAcrossCurrencies() throws Exception {
        AccountView account = openAccount(500);
        String usdMerchant = ledger.openAccount(LedgerAccountKind.MERCHANT, "USD").id();

        EJBException refused = assertThrows(EJBException.class, () -> inTransaction(() -> ledger.post(
                new TransferRequest(account.id(), usdMerchant, "EUR", 100, TransferKind.PAYMENT, "it"))));
        assertInstanceOf(IllegalArgumentException.class, refused.getCause(), "a broken invariant, not a fault");
        assertEquals(500L, ledger.account(account.id()).orElseThrow().balanceMinor());
        assertEquals(0L, ledger.account(usdMerchant).orElseThrow().creditsPostedMinor());
    }

    @Test
    void theDatabaseRefusesACustomerOverdraft() throws Exception {
        AccountView account = openAccount(700);

        assertRefused("update ledger_accounts set debits_posted = credits_posted + 1 where id = ?", account.id());
        assertEquals(700L, ledger.account(account.id()).orElseThrow().balanceMinor());
    }

    @Test
    void theDatabaseRefusesMalformedTransfers() throws Exception {
        AccountView account = openAccount(300);
        String eurMerchant = ledger.openAccount(LedgerAccountKind.MERCHANT, "EUR").id();
        String usdMerchant = ledger.openAccount(LedgerAccountKind.MERCHANT, "USD").id();

        assertRefused(insertTransfer(account.id(), eurMerchant, "EUR", 0));
        assertRefused(insertTransfer(account.id(), eurMerchant, "EUR", -5));
        assertRefused(insertTransfer(account.id(), account.id(), "EUR", 5));
        assertRefused(insertTransfer(account.id(), usdMerchant, "EUR", 5));
        assertRefused(insertTransfer(account.id(), usdMerchant, "USD", 5));
        assertRefused(insertTransfer(account.id(), "no-such-account", "EUR", 5));
    }

    @Test
    void runsOnTheDatabaseThisPassIsFor() throws Exception {
        // Without this, a broken driver switch would run the PostgreSQL pass on H2 and pass.
        String expected = System.getProperty("tillpoint.it.db");
        assertEquals(expected, isPostgresql() ? "postgresql" : "h2");
    }

    /** PostgreSQL refuses such a commit (below); H2 has no triggers, so the report must catch it. */
    @Test
    @EnabledIfSystemProperty(named = "tillpoint.it.db", matches = "h2")
    void theTrialBalanceSeesAccountTotalsThatDriftFromTheTransfers() throws Exception {
        AccountView account = openAccount(400);
        String merchant = ledger.openAccount(LedgerAccountKind.MERCHANT, "EUR").id();
        String drift = "update ledger_accounts set debits_posted = debits_posted + ?, credits_posted = credits_posted + ? where id = ?";
        executeUpdate(drift, 5, 0, account.id());
        executeUpdate(drift, 0, 5, merchant);
        try {
            assertFalse(ledger.trialBalance().balanced(), "totals moved by 5 without a transfer");
        } finally {
            executeUpdate(drift, -5, 0, account.id());
            executeUpdate(drift, 0, -5, merchant);
        }
        assertTrue(ledger.trialBalance().balanced(), "trial balance once the drift is undone");
    }

    /** H2 has the CHECK and foreign-key guards above; the triggers are PostgreSQL's. */
    @Test
    @EnabledIfSystemProperty(named = "tillpoint.it.db", matches = "postgresql")
    void onPostgresqlPostingsAreImmutableAndMustBalanceAtCommit() throws Exception {
        AccountView account = openAccount(900);
        assertRefused("update transfers set amount_minor = amount_minor + 1 where credit_account_id = ?", account.id());
        assertRefused("delete from transfers where credit_account_id = ?", account.id());
        assertRefused("update ledger_accounts set credits_posted = credits_posted - 1 where id = ?", account.id());

        // Money that appears without a transfer: each statement is legal, the commit is not.
        String eurMerchant = ledger.openAccount(LedgerAccountKind.MERCHANT, "EUR").id();
        assertRefused("update ledger_accounts set credits_posted = credits_posted + 50 where id = ?", eurMerchant);
        assertEquals(0L, ledger.account(eurMerchant).orElseThrow().balanceMinor());
        assertTrue(ledger.trialBalance().balanced(), "trial balance after the refused statements");
    }

    private static TransferRequest payment(String from, String to, long amountMinor) {
        return new TransferRequest(from, to, "EUR", amountMinor, TransferKind.PAYMENT, "ledger-it");
    }

    private static String[] insertTransfer(String debit, String credit, String currency, long amountMinor) {
        return new String[] {"insert into transfers (id, debit_account_id, credit_account_id, currency, amount_minor, "
                + "kind, reference, created_at) values (?, ?, ?, '" + currency + "', " + amountMinor
                + ", 'PAYMENT', 'it', current_timestamp)", "trf-it-" + UUID.randomUUID(), debit, credit};
    }

    private void assertRefused(String[] sqlAndParameters) {
        String[] parameters = new String[sqlAndParameters.length - 1];
        System.arraycopy(sqlAndParameters, 1, parameters, 0, parameters.length);
        assertRefused(sqlAndParameters[0], parameters);
    }

    /** Runs the statement in its own local transaction and asserts the database refused it. */
    private void assertRefused(String sql, String... parameters) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        statement.setString(i + 1, parameters[i]);
                    }
                    statement.executeUpdate();
                    connection.commit();
                } finally {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    connection.setAutoCommit(true);
                }
            }
        }, () -> "the database accepted: " + sql);
        assertTrue(refused.getSQLState() != null && refused.getSQLState().startsWith("23"),
                () -> "refused for another reason than an integrity rule: " + refused.getSQLState() + " " + refused.getMessage());
    }

    private void executeUpdate(String sql, long debitsDeltaMinor, long creditsDeltaMinor, String accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, debitsDeltaMinor);
            statement.setLong(2, creditsDeltaMinor);
            statement.setString(3, accountId);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private boolean isPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }
}

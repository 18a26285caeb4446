package dev.tillpoint.it;

import dev.tillpoint.merchants.MerchantView;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import dev.tillpoint.payments.RefundCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.customers.AccountView;
import dev.tillpoint.payments.PaymentCommand;
import dev.tillpoint.payments.PaymentView;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result;
import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.payments.PaymentEvents;
import dev.tillpoint.payments.RefundView;
import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import java.util.HashMap;
import java.util.Map;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jakarta.transaction.UserTransaction;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The money rules of offline payments, asserted twice: by the code (the EJBs in real JTA
 * transactions) and by the database, which must refuse the same corruption from a statement that
 * bypasses the code (constraints on both databases, triggers on PostgreSQL).
 */
class PaymentInvariantsIT extends InsideEarPayments {

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(PaymentInvariantsIT.class, InsideEarServices.class, InsideEarPayments.class, Cards.class);
    }

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.PAYMENT_EVENTS)
    Topic paymentEvents;

    /** An authorized customer and a terminal of a new merchant. */
    private record Setup(AuthorizedAccount payer, String terminalId) {
        AccountView account() {
            return payer.account();
        }

        String code(int steps) {
            return payer.code(steps);
        }
    }

    private Setup setup(long balance) {
        return new Setup(authorizedAccount(balance), terminalOf(merchant("Inside merchant")));
    }

    private PaymentView pay(Setup setup, String code, long amount) {
        return pay(setup.terminalId(), setup.payer(), code, amount);
    }

    private String customerOf(Setup setup) {
        return setup.payer().customerId();
    }

    @Test
    void aSettledPaymentCannotBeReversedByTheCodeNorTheDatabase() throws Exception {
        Setup setup = setup(10_000);
        PaymentView payment = pay(setup, setup.code(0), 1_000);
        settlementBatchFor(payment.id(), "stl-");
        execute("update payments set settlement_id = 'stl-' || id where id = ?", payment.id());

        Result<PaymentView> reversed = payments.reverse(caller(setup.terminalId()), payment.id());
        assertEquals(ErrorCode.PAYMENT_SETTLED, ((Result.Failure<PaymentView>) reversed).code());
        assertRefused("update payments set status = 'REVERSED', reversal_id = 'rvs-inside', reversed_at = created_at"
                + " where id = ?", payment.id());
        assertEquals(9_000L, ledger.account(setup.account().id()).orElseThrow().balanceMinor());
    }

    @Test
    void theDatabaseRefusesRefundsBeyondThePaymentAndRefundsOfAReversal() throws Exception {
        Setup setup = setup(10_000);
        PaymentView payment = pay(setup, setup.code(0), 1_000);
        assertRefused("update payments set refunded_minor = amount_minor + 1 where id = ?", payment.id());
        assertRefused("update payments set refunded_minor = -1 where id = ?", payment.id());
        assertInstanceOf(Result.Ok.class, payments.reverse(caller(setup.terminalId()), payment.id()));
        assertRefused("update payments set refunded_minor = 1 where id = ?", payment.id());
        assertRefused("update payments set status = 'APPROVED' where id = ?", payment.id());
    }

    @Test
    void theDatabaseRefusesASecondPaymentOfOneCodeStep() throws Exception {
        Setup setup = setup(10_000);
        PaymentView payment = pay(setup, setup.code(0), 1_000);
        assertRefused("insert into payments (id, terminal_id, merchant_id, customer_id, account_id, authorization_id,"
                + " clearing_account_id, currency, amount_minor, code_step, approval_code, status, idempotency_key, created_at)"
                + " select 'pay-copy-' || id, terminal_id, merchant_id, customer_id, account_id, authorization_id,"
                + " clearing_account_id, currency, amount_minor, code_step, approval_code, status, 'other-key', created_at"
                + " from payments where id = ?", payment.id());
    }

    @Test
    void aDuplicateOfARunningRequestIsIdempotencyInProgressAtOnce() throws Exception {
        Setup setup = setup(10_000);
        PaymentCommand command = new PaymentCommand(customerOf(setup), setup.code(0), 100, "EUR");
        String key = UUID.randomUUID().toString();
        transaction.begin();
        try {
            // The first request runs in the test's transaction, which stays open: the request is still running.
            assertInstanceOf(Result.Ok.class, payments.pay(caller(setup.terminalId()), key, command));
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Result<PaymentView> duplicate = other.submit(() -> payments.pay(caller(setup.terminalId()), key, command))
                        .get(5, TimeUnit.SECONDS);
                assertEquals(ErrorCode.IDEMPOTENCY_IN_PROGRESS, ((Result.Failure<PaymentView>) duplicate).code());
            } finally {
                other.shutdownNow();
            }
        } finally {
            transaction.rollback();
        }
        // Rolled back (as a crash would): nothing stored, nothing to release; the retry runs afresh.
        assertEquals(10_000L, ledger.account(setup.account().id()).orElseThrow().balanceMinor());
        assertInstanceOf(Result.Ok.class, payments.pay(caller(setup.terminalId()), key, command));
        Result<PaymentView> other = payments.pay(caller(setup.terminalId()), key,
                new PaymentCommand(customerOf(setup), setup.code(0), 101, "EUR"));
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, ((Result.Failure<PaymentView>) other).code());
        assertEquals(9_900L, ledger.account(setup.account().id()).orElseThrow().balanceMinor());
    }

    @Test
    void wrongCodesForOneUserFromSeveralTerminalsAreAnnouncedAsASuspectedAttack() throws Exception {
        Setup setup = setup(10_000);
        MerchantView merchant = merchant("Probed merchant");
        String selector = Destinations.MESSAGE_TYPE_PROPERTY + " = '" + PaymentEvents.CODE_ATTACK_SUSPECTED + "'";
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(paymentEvents, selector)) {
            for (int terminal = 0; terminal < 3; terminal++) {
                Result<PaymentView> wrong = payments.pay(caller(terminalOf(merchant)), UUID.randomUUID().toString(),
                        new PaymentCommand(customerOf(setup), wrongCodeOf(setup), 100, "EUR"));
                assertEquals(ErrorCode.CODE_INVALID, ((Result.Failure<PaymentView>) wrong).code());
            }
            Envelope suspected = null;
            long deadline = System.currentTimeMillis() + 15_000;
            while (suspected == null && System.currentTimeMillis() < deadline) {
                Message received = consumer.receive(1_000);
                if (received != null) {
                    Envelope envelope = Envelope.parse(received.getBody(String.class));
                    if (customerOf(setup).equals(envelope.payload().getString("userId"))) {
                        suspected = envelope;
                    }
                }
            }
            assertNotNull(suspected, "no CODE_ATTACK_SUSPECTED event for the user within 15 s");
            assertEquals(3, suspected.payload().getInt("terminals"));
            assertFalse(suspected.payload().toString().contains(setup.code(0)));
        }
        // No lock follows: the customer still pays at a fourth terminal.
        pay(terminalOf(merchant), setup.payer(), setup.code(0), 100);
    }

    private static String wrongCodeOf(Setup setup) {
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (int step = -5; step <= 5; step++) {
            valid.add(setup.code(step));
        }
        for (int candidate = 10_000_000; ; candidate++) {
            if (!valid.contains(Integer.toString(candidate))) {
                return Integer.toString(candidate);
            }
        }
    }

    @Test
    void approvalsRefundsAndReversalsAreAnnouncedOnThePaymentEventsTopic() throws Exception {
        Setup setup = setup(10_000);
        String selector = Destinations.MESSAGE_TYPE_PROPERTY + " in ('" + PaymentEvents.APPROVED + "', '"
                + PaymentEvents.REVERSED + "', '" + PaymentEvents.REFUNDED + "')";
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(paymentEvents, selector)) {
            PaymentView refunded = pay(setup, setup.code(0), 1_000);
            Result<RefundView> refund = payments.refund(caller(setup.terminalId()), refunded.id(), UUID.randomUUID().toString(), new RefundCommand(300L));
            assertInstanceOf(Result.Ok.class, refund);
            PaymentView reversed = pay(setup, setup.code(1), 500);
            assertInstanceOf(Result.Ok.class, payments.reverse(caller(setup.terminalId()), reversed.id()));

            Map<String, Envelope> mine = new HashMap<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (mine.size() < 4 && System.currentTimeMillis() < deadline) {
                Message received = consumer.receive(1_000);
                if (received != null) {
                    Envelope envelope = Envelope.parse(received.getBody(String.class));
                    String paymentId = envelope.payload().getString("paymentId");
                    if (paymentId.equals(refunded.id()) || paymentId.equals(reversed.id())) {
                        mine.put(envelope.type() + ":" + paymentId, envelope);
                    }
                }
            }
            assertEquals(4, mine.size(), () -> "events received: " + mine.keySet());
            Envelope refundEvent = mine.get(PaymentEvents.REFUNDED + ":" + refunded.id());
            assertEquals(300, refundEvent.payload().getInt("amount"));
            assertEquals(customerOf(setup), refundEvent.payload().getString("customerId"));
            assertEquals(setup.terminalId(), refundEvent.payload().getString("terminalId"));
            assertEquals(1_000, mine.get(PaymentEvents.APPROVED + ":" + refunded.id()).payload().getInt("amount"));
            assertEquals(500, mine.get(PaymentEvents.REVERSED + ":" + reversed.id()).payload().getInt("amount"));
            assertTrue(mine.values().stream().noneMatch(envelope -> envelope.payload().toString().contains(setup.code(0))));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "tillpoint.it.db", matches = "postgresql")
    void postgresqlRefusesChangesToWhatWasApprovedAndToItsRefunds() throws Exception {
        Setup setup = setup(10_000);
        PaymentView payment = pay(setup, setup.code(0), 1_000);
        assertRefused("update payments set amount_minor = 1 where id = ?", payment.id());
        assertRefused("delete from payments where id = ?", payment.id());
        assertRefused("update offline_authorizations set last_used_step = 0 where account_id = ?", setup.account().id());
        assertRefused("update offline_authorizations set total_limit = total_limit + 1 where account_id = ?",
                setup.account().id());
        // A refund row without the payment's refunded amount fails the deferred check at commit.
        assertRefused("insert into refunds (id, payment_id, terminal_id, merchant_id, customer_id, currency, amount_minor,"
                + " idempotency_key, created_at) select 'rfd-inside', id, terminal_id, merchant_id, customer_id, currency,"
                + " 100, 'k-inside', created_at from payments where id = ?", payment.id());
        settlementBatchFor(payment.id(), "stl-a-");
        settlementBatchFor(payment.id(), "stl-b-"); // both batches exist: the trigger, not a foreign key, must refuse
        execute("update payments set settlement_id = 'stl-a-' || id where id = ?", payment.id());
        assertRefused("update payments set settlement_id = 'stl-b-' || id where id = ?", payment.id());
        assertRefused("update payments set settlement_id = null where id = ?", payment.id());
    }

    /** A settlement batch with id {@code prefix + paymentId} holding that payment, written past the code. */
    private void settlementBatchFor(String paymentId, String prefix) throws SQLException {
        execute("insert into settlement_batches (id, merchant_id, currency, payment_count, gross_minor, refunds_minor,"
                + " net_minor, cut_off_at, created_at) select ? || id, merchant_id, currency, 1, amount_minor, 0,"
                + " amount_minor, created_at, created_at from payments where id = ?", prefix, paymentId);
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

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
        assertTrue(refused.getSQLState() != null && (refused.getSQLState().startsWith("23")),
                () -> "refused for another reason than an integrity rule: " + refused.getSQLState() + " " + refused.getMessage());
    }
}

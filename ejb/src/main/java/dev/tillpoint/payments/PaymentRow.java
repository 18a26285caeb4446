package dev.tillpoint.payments;

import dev.tillpoint.shared.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A row of {@code payments} as the POS path reads and writes it over JDBC (the JPA readers, history
 * and settlement, use the entity {@link Payment} read-only; both map the same columns). What a
 * payment may still become (refunded up to its amount, reversed once while unsettled and unrefunded)
 * is checked by {@link PosPayments} from this row before it writes, with its decline codes, and
 * asserted again by the database (V10's checks).
 */
record PaymentRow(String id, String terminalId, String merchantId, String customerId, String accountId,
        String authorizationId, String clearingAccountId, String currency, long amountMinor, long codeStep,
        String approvalCode, String orderId, String orderDescription, PaymentStatus status, long refundedMinor,
        String reversalId, Instant reversedAt, String settlementId, String idempotencyKey, Instant createdAt) {

    private static final String COLUMNS = "id, terminal_id, merchant_id, customer_id, account_id, authorization_id,"
            + " clearing_account_id, currency, amount_minor, code_step, approval_code, order_id, order_description,"
            + " status, refunded_minor, reversal_id, reversed_at, settlement_id, idempotency_key, created_at";

    /** A new approval: APPROVED, nothing refunded, unsettled. */
    static PaymentRow approved(String id, ApprovedPayment approved, Instant createdAt) {
        return new PaymentRow(id, approved.terminalId(), approved.merchantId(), approved.customerId(),
                approved.accountId(), approved.authorizationId(), approved.clearingAccountId(), approved.currency(),
                approved.amountMinor(), approved.codeStep(), approved.approvalCode(), approved.orderId(),
                approved.orderDescription(), PaymentStatus.APPROVED, 0, null, null, null, approved.idempotencyKey(),
                createdAt);
    }

    boolean belongsTo(String merchant) {
        return merchantId.equals(merchant);
    }

    boolean isReversed() {
        return status == PaymentStatus.REVERSED;
    }

    boolean isSettled() {
        return settlementId != null;
    }

    long refundableMinor() {
        return amountMinor - refundedMinor;
    }

    PaymentView view() {
        return new PaymentView(id, status, approvalCode, amountMinor, currency, merchantId, terminalId, orderId,
                orderDescription, refundedMinor, settlementId, createdAt);
    }

    /** The approval exactly as first answered: what an idempotent retry gets back. */
    PaymentView originalApproval() {
        return new PaymentView(id, PaymentStatus.APPROVED, approvalCode, amountMinor, currency, merchantId, terminalId,
                orderId, orderDescription, 0, null, createdAt);
    }

    /** This row as reversed now. */
    PaymentRow reversed(String newReversalId, Instant at) {
        return new PaymentRow(id, terminalId, merchantId, customerId, accountId, authorizationId, clearingAccountId,
                currency, amountMinor, codeStep, approvalCode, orderId, orderDescription, PaymentStatus.REVERSED,
                refundedMinor, newReversalId, at, settlementId, idempotencyKey, createdAt);
    }

    void insert(Connection db) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into payments (" + COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, terminalId);
            insert.setString(3, merchantId);
            insert.setString(4, customerId);
            insert.setString(5, accountId);
            insert.setString(6, authorizationId);
            insert.setString(7, clearingAccountId);
            insert.setString(8, currency);
            insert.setLong(9, amountMinor);
            insert.setLong(10, codeStep);
            insert.setString(11, approvalCode);
            Sql.setString(insert, 12, orderId);
            Sql.setString(insert, 13, orderDescription);
            insert.setString(14, status.name());
            insert.setLong(15, refundedMinor);
            Sql.setString(insert, 16, reversalId);
            Sql.setInstant(insert, 17, reversedAt);
            Sql.setString(insert, 18, settlementId);
            insert.setString(19, idempotencyKey);
            Sql.setInstant(insert, 20, createdAt);
            insert.executeUpdate();
        }
    }

    /** The payment, or null; {@code forUpdate} takes its row lock for the rest of the transaction. */
    static PaymentRow find(Connection db, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select " + COLUMNS + " from payments where id = ?"
                + (forUpdate ? " for update" : ""))) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new PaymentRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8).trim(), row.getLong(9),
                        row.getLong(10), row.getString(11), row.getString(12), row.getString(13),
                        PaymentStatus.valueOf(row.getString(14).trim()), row.getLong(15), row.getString(16),
                        Sql.getInstant(row, 17), row.getString(18), row.getString(19), Sql.getInstant(row, 20));
            }
        }
    }
}

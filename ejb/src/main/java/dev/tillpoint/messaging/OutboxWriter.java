package dev.tillpoint.messaging;

import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Sql;
import dev.tillpoint.shared.StoredTime;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The outbox for a caller that speaks plain JDBC (the POS payment path): the message's row is
 * inserted on the caller's transaction's connection, and the relay is woken once that transaction
 * commits, exactly as {@link Outbox} does for JPA callers.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String MESSAGE_ID_PREFIX = "msg";
    /** Key of the per-transaction marker that the commit wake-up is registered already. */
    private static final Object WAKE_UP_REGISTERED = new Object();

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxWakeUp wakeUp;

    @Inject
    Clock clock;

    /**
     * Writes the message into the transaction of {@code db}, which must be active.
     *
     * @return the envelope as it will be sent; its message id is the consumers' idempotency key
     */
    public Envelope enqueue(Connection db, Destination destination, String type, int version, JsonObject payload)
            throws SQLException {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("An outbox message needs an active transaction");
        }
        Envelope envelope = new Envelope(Ids.generate(MESSAGE_ID_PREFIX), type, version, StoredTime.now(clock), payload);
        try (PreparedStatement insert = db.prepareStatement("insert into outbox_messages (id, destination, type, body,"
                + " created_at, send_attempts) values (?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, envelope.messageId());
            insert.setString(2, destination.name());
            insert.setString(3, type);
            insert.setString(4, envelope.toJson());
            Sql.setInstant(insert, 5, envelope.occurredAt());
            insert.executeUpdate();
        }
        wakeRelayAfterCommit();
        return envelope;
    }

    /** One synchronization per transaction, however many messages it writes. */
    void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add to the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp.wake();
                }
            }
        });
    }
}

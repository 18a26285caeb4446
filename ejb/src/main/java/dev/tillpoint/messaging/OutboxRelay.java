package dev.tillpoint.messaging;

import dev.tillpoint.shared.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends what the outbox holds, oldest first, and deletes each row once the broker has accepted its
 * message. Delivery is at least once: a crash between the send and the commit of the delete sends
 * that message again, and every consumer is idempotent by message id.
 *
 * <p>Plain JDBC on the transaction's connection, with statements whose text never changes (the
 * delete is one JDBC batch): through JPA, the delete's list of ids made Hibernate translate the
 * query afresh for every batch size, and that and the managed rows cost a relay run as much as
 * its sends (JFR of the payment benchmark).
 */
@Stateless
public class OutboxRelay {

    static final int BATCH_SIZE = 200;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    /** The oldest rows, locked; PostgreSQL skips those another server's relay holds (H2 waits). */
    private static final String OLDEST = "select id, destination, type, body, send_attempts from outbox_messages"
            + " order by created_at, id limit " + BATCH_SIZE + " for update";

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    @Inject
    MessageSender sender;

    /** One row of the outbox. */
    private record Row(String id, Destination destination, String type, String body, int sendAttempts) {
    }

    /**
     * Relays one batch in its own transaction, over one broker session committed once. The rows
     * are locked so that two servers sharing the database do not both send them. A send that
     * fails drops the whole batch from the broker: every row stays for the next run, the failing
     * one with its attempt counted.
     *
     * @return whether a full batch went out, so that more may be waiting
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean relayBatch() {
        try (Connection db = dataSource.getConnection()) {
            List<Row> batch = oldest(db);
            if (batch.isEmpty()) {
                return false;
            }
            try (MessageSender.Sending sending = sender.open()) {
                for (Row message : batch) {
                    try {
                        sending.send(message.destination(), message.id(), message.type(), message.body());
                    } catch (JMSRuntimeException e) {
                        countSendAttempt(db, message.id());
                        LOG.warning(() -> "Outbox message " + message.id() + " (" + message.type() + ") not sent, attempt "
                                + (message.sendAttempts() + 1) + "; it stays for the next run: " + e.getMessage());
                        return false;
                    }
                }
                sending.commit();
            }
            delete(db, batch);
            return batch.size() == BATCH_SIZE;
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }

    private static List<Row> oldest(Connection db) throws SQLException {
        List<Row> batch = new ArrayList<>(BATCH_SIZE);
        try (PreparedStatement select = db.prepareStatement(Sql.isPostgres(db) ? OLDEST + " skip locked" : OLDEST);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                batch.add(new Row(rows.getString(1), Destination.valueOf(rows.getString(2)), rows.getString(3),
                        rows.getString(4), rows.getInt(5)));
            }
        }
        return batch;
    }

    private static void countSendAttempt(Connection db, String id) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "update outbox_messages set send_attempts = send_attempts + 1 where id = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    /** The batch's rows, locked by this transaction since the select, in one round trip. */
    private static void delete(Connection db, List<Row> batch) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("delete from outbox_messages where id = ?")) {
            for (Row message : batch) {
                delete.setString(1, message.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}

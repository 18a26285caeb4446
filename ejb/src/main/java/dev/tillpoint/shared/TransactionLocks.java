package dev.tillpoint.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named try-locks that belong to the caller's JTA transaction and end with it: what tells a request
 * that another one with the same idempotency key is running, at once and without waiting.
 *
 * <p>On PostgreSQL a transaction-level advisory lock ({@code pg_try_advisory_xact_lock}) on a 64-bit
 * hash of the name: it holds across every server sharing the database, and the database drops it at
 * commit, rollback or when the connection dies, so a crash leaves nothing to release. (Two names
 * whose hashes collide, one chance in 2^64 per pair, would only make one of them wait its turn.)
 * H2 is embedded in one server, so there a set of held names in this server, emptied when each
 * transaction completes, does the same.
 */
@ApplicationScoped
public class TransactionLocks {

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Set<String> heldInThisServer = ConcurrentHashMap.newKeySet();

    /**
     * Takes the lock {@code name} for the rest of the caller's transaction, which must exist;
     * {@code db} is that transaction's connection.
     *
     * @return false at once when another transaction holds it
     */
    public boolean tryLock(Connection db, String name) throws SQLException {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("A transaction lock needs an active transaction");
        }
        if (Sql.isPostgres(db)) {
            try (PreparedStatement lock = db.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, hash(name));
                try (ResultSet got = lock.executeQuery()) {
                    return got.next() && got.getBoolean(1);
                }
            }
        }
        if (!heldInThisServer.add(name)) {
            return false;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // held until the end
            }

            @Override
            public void afterCompletion(int status) {
                heldInThisServer.remove(name);
            }
        });
        return true;
    }

    static long hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}

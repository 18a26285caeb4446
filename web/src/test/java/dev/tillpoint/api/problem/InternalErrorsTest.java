package dev.tillpoint.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** An unexpected fault is one concise log line with a reference, never the SQL or a stack. */
class InternalErrorsTest {

    @Test
    void aDatabaseFaultIsOneLineWithAReferenceAndTheSqlStateButNoSqlOrStack() {
        SQLException sql = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 "
                + "insert into customers (id, name) values ('c1', 'secret')", "22021");
        RuntimeException fault = new EJBTransactionRolledbackException("tx rolled back",
                new PersistenceException("could not execute statement [insert into customers ...]", sql));

        List<LogRecord> records = capture(() -> {
            String reference = InternalErrors.log(fault);
            assertTrue(reference.matches("[0-9a-f]{12}"), reference);
        });

        assertEquals(1, records.size(), "one line: " + records);
        LogRecord line = records.get(0);
        assertEquals(Level.SEVERE, line.getLevel());
        assertNull(line.getThrown(), "no stack trace");
        String message = line.getMessage();
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("insert") || message.contains("secret") || message.contains("0x00"), message);
        assertEquals("Request failed, reference " + message.substring(26, 38) + ": EJBTransactionRolledbackException"
                + " < PersistenceException < SQLException(SQLState 22021)", message);
    }

    private static List<LogRecord> capture(Runnable action) {
        Logger logger = Logger.getLogger(InternalErrors.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (logger.isLoggable(record.getLevel()) && record.getLevel().intValue() >= Level.INFO.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }
}

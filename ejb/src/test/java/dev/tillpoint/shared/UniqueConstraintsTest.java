package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueConstraintsTest {

    @Test
    void findsAUniqueViolationAmongTheCauses() {
        PersistenceException failure = new PersistenceException("flush failed",
                new RuntimeException(new SQLException("duplicate key", "23505")));

        assertTrue(UniqueConstraints.violatedBy(failure));
    }

    @Test
    void findsItBehindABatchFailure() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));

        assertTrue(UniqueConstraints.violatedBy(new PersistenceException(batch)));
    }

    @Test
    void otherConstraintViolationsAreNotDuplicates() {
        assertFalse(UniqueConstraints.violatedBy(new PersistenceException(new SQLException("fk", "23503"))));
        assertFalse(UniqueConstraints.violatedBy(new PersistenceException("no sql")));
    }
}

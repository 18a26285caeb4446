package dev.tillpoint.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TerminalTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    @Test
    void aNewTerminalIsActive() {
        Terminal terminal = new Terminal("pos-1", "mer_1", NOW);

        assertTrue(terminal.isActive());
        assertNull(terminal.deactivatedAt());
        assertEquals(new TerminalView("pos-1", "mer_1", true), terminal.view());
    }

    @Test
    void deactivatingTwiceKeepsTheFirstTime() {
        Terminal terminal = new Terminal("pos-1", "mer_1", NOW);

        terminal.deactivate(NOW.plusSeconds(60));
        terminal.deactivate(NOW.plusSeconds(120));

        assertFalse(terminal.isActive());
        assertEquals(NOW.plusSeconds(60), terminal.deactivatedAt());
        assertEquals(new TerminalView("pos-1", "mer_1", false), terminal.view());
    }

    @Test
    void belongsOnlyToItsMerchant() {
        Terminal terminal = new Terminal("pos-1", "mer_1", NOW);

        assertTrue(terminal.belongsTo("mer_1"));
        assertFalse(terminal.belongsTo("mer_2"));
        assertFalse(terminal.belongsTo(null));
    }
}

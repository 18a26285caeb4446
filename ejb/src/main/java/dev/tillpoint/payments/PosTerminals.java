package dev.tillpoint.payments;

import dev.tillpoint.merchants.TerminalDeactivated;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Sql;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves a POS token's terminal id to its {@link PosTerminal} in one query (terminal, merchant,
 * currency, clearing account), and keeps the answer briefly: a till sends a request every few
 * seconds at most, and every one of them would otherwise read the same rows.
 *
 * <p>The cache is bounded ({@value #MAX_ENTRIES} terminals, least recently used out first) and its
 * staleness is bounded: an entry is used for at most {@code tillpoint.pos.terminal-cache-millis}
 * (default 1000, at most 2000). A deactivation on this server evicts the terminal when its
 * transaction commits, so it is refused here at once; on the other servers sharing the database
 * within that time. Unknown and inactive terminals are not cached (a new terminal pays at once).
 */
@ApplicationScoped
public class PosTerminals {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_STALENESS_MILLIS = 2_000;

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "tillpoint.pos.terminal-cache-millis", defaultValue = "1000")
    long cacheMillis;

    private record Entry(PosTerminal terminal, long loadedAtNanos) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @PostConstruct
    void check() {
        if (cacheMillis < 0 || cacheMillis > MAX_STALENESS_MILLIS) {
            throw new IllegalStateException("tillpoint.pos.terminal-cache-millis must be 0.." + MAX_STALENESS_MILLIS);
        }
    }

    /** The terminal if it exists and is active: what a POS token's subject must be. */
    public Optional<PosTerminal> active(String terminalId) {
        if (!Ids.isValid(terminalId)) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Entry cached;
        synchronized (entries) {
            cached = entries.get(terminalId);
        }
        if (cached != null && now - cached.loadedAtNanos() < cacheMillis * 1_000_000L) {
            return Optional.of(cached.terminal());
        }
        Optional<PosTerminal> loaded = load(terminalId);
        synchronized (entries) {
            if (loaded.isPresent()) {
                entries.put(terminalId, new Entry(loaded.get(), now));
            } else {
                entries.remove(terminalId);
            }
        }
        return loaded;
    }

    /** Drops what this server knows of the terminal; the next request reads it afresh. */
    public void forget(String terminalId) {
        synchronized (entries) {
            entries.remove(terminalId);
        }
    }

    void onDeactivation(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalDeactivated deactivated) {
        forget(deactivated.terminalId());
    }

    /** Plain JDBC (no persistence context to open for one row): it runs once per terminal and second. */
    private Optional<PosTerminal> load(String terminalId) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("select t.merchant_id, m.currency, c.ledger_account_id"
                     + " from terminals t join merchants m on m.id = t.merchant_id"
                     + " left join terminal_clearing_accounts c on c.terminal_id = t.id"
                     + " where t.id = ? and t.active = true")) {
            select.setString(1, terminalId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new PosTerminal(terminalId, row.getString(1), row.getString(2).trim(), row.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }
}

package dev.tillpoint.settlement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The nightly settlement: an EJB calendar timer at the configured cut-off time and zone
 * ({@code tillpoint.settlement.cut-off-time}, default 02:00; {@code tillpoint.settlement.zone},
 * default UTC) settles everything up to the moment it fires. Not persistent: a server that was
 * down at 02:00 settles the missed activity in the next run, since nothing is ever settled by
 * date, only by "not settled yet", so a missed run needs no catching up of its own.
 */
@Singleton
@Startup
public class NightlySettlement {

    static final String CUT_OFF_TIME = "tillpoint.settlement.cut-off-time";
    static final String ZONE = "tillpoint.settlement.zone";
    private static final String TIMER_INFO = "nightly-settlement";
    private static final Logger LOG = Logger.getLogger(NightlySettlement.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Config config;

    @EJB
    SettlementRun run;

    @PostConstruct
    void schedule() {
        LocalTime cutOff = cutOffTime();
        ZoneId zone = zone();
        ScheduleExpression nightly = new ScheduleExpression()
                .hour(cutOff.getHour()).minute(cutOff.getMinute()).second(0)
                .timezone(zone.getId());
        timers.createCalendarTimer(nightly, new TimerConfig(TIMER_INFO, false));
        LOG.info(() -> "Nightly settlement at " + cutOff + " " + zone.getId());
    }

    /** When the timer fires next, for operators and tests; empty when it is not scheduled. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> nextRunAt() {
        return timers.getTimers().stream()
                .filter(timer -> TIMER_INFO.equals(timer.getInfo()))
                .map(timer -> timer.getNextTimeout().toInstant())
                .findFirst();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void settle(Timer timer) {
        run.settleNow();
    }

    private LocalTime cutOffTime() {
        String value = config.getOptionalValue(CUT_OFF_TIME, String.class).orElse("02:00");
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(CUT_OFF_TIME + " must be a time such as 02:00", e);
        }
    }

    private ZoneId zone() {
        String value = config.getOptionalValue(ZONE, String.class).orElse("UTC");
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalStateException(ZONE + " must be a time zone such as UTC or Europe/Berlin", e);
        }
    }
}

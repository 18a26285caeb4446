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
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
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
 * default UTC) settles everything up to that cut-off.
 *
 * <p>Once per cut-off on any number of nodes. The timer is persistent, so WildFly's timer service
 * keeps one timer for the application: in the HA profile its distributed timers live in the
 * cluster and each timeout fires on one node (on one server, the file store keeps it across
 * restarts, and a timeout missed while down fires at the next start). Each node creates the
 * timer only when it finds none with this schedule. Beneath that, the run claims its cut-off in
 * the database ({@link SettlementRun#settleCutOff}): a second timer (two nodes starting at once,
 * servers that share the database without a cluster) finds the claim and does nothing. A missed
 * night needs no catching up of its own: nothing is settled by date, only by "not settled yet".
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

    @Inject
    Clock clock;

    @EJB
    SettlementRun run;

    @PostConstruct
    void schedule() {
        LocalTime cutOff = cutOffTime();
        ZoneId zone = zone();
        ScheduleExpression nightly = new ScheduleExpression()
                .hour(cutOff.getHour()).minute(cutOff.getMinute()).second(0)
                .timezone(zone.getId());
        boolean found = false;
        for (Timer timer : timers.getTimers()) {
            if (!TIMER_INFO.equals(timer.getInfo())) {
                continue;
            }
            if (!found && sameSchedule(timer.getSchedule(), nightly)) {
                found = true;
            } else {
                timer.cancel(); // an earlier configuration's cut-off, or a duplicate
            }
        }
        if (!found) {
            timers.createCalendarTimer(nightly, new TimerConfig(TIMER_INFO, true));
        }
        boolean existed = found;
        LOG.info(() -> "Nightly settlement at " + cutOff + " " + zone.getId() + (existed ? " (timer found)" : " (timer created)"));
    }

    private static boolean sameSchedule(ScheduleExpression a, ScheduleExpression b) {
        return a.getHour().equals(b.getHour()) && a.getMinute().equals(b.getMinute())
                && a.getSecond().equals(b.getSecond()) && String.valueOf(a.getTimezone()).equals(String.valueOf(b.getTimezone()));
    }

    /**
     * The cut-off a timeout at {@code now} settles: the latest {@code cutOff} in {@code zone} not
     * after {@code now}, with a minute's grace so that a timeout a moment early still settles its
     * own night and a late one (a node that was down) the night it missed.
     */
    static Instant cutOffAt(LocalTime cutOff, ZoneId zone, Instant now) {
        Instant graced = now.plus(Duration.ofMinutes(1));
        ZonedDateTime candidate = graced.atZone(zone).toLocalDate().atTime(cutOff).atZone(zone);
        if (candidate.toInstant().isAfter(graced)) {
            candidate = candidate.minusDays(1).toLocalDate().atTime(cutOff).atZone(zone);
        }
        return candidate.toInstant();
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
        run.settleCutOff(cutOffAt(cutOffTime(), zone(), clock.instant()));
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

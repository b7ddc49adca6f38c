package com.disclosuredesk.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's one clock: Spring's {@link Clock}, reading the engine's clock ({@code ClockUtil}, engine-internal).
 * Due dates of timers, history timestamps, the timeline, the ledger and the deadlines the delegates compute all come
 * from the same time, and a test that moves the engine's clock ({@code ClockUtil.setCurrentTime}) moves the
 * application's with it. Outside tests {@code ClockUtil} is the system clock. Always UTC.
 *
 * <p>Why a hook: {@code ClockUtil} is in {@code org.camunda.bpm.engine.impl.util}; an engine upgrade (or a fork) that
 * moves it breaks only this class.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock() {
        this(ZoneOffset.UTC);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new EngineClock(other);
    }
}

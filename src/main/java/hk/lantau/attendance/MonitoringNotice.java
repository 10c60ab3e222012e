package hk.lantau.attendance;

import java.time.Instant;

/** The organisation's current monitoring notice as one person sees it, and whether they acknowledged it. */
public record MonitoringNotice(int version, String text, boolean acknowledged, Instant acknowledgedAt) {
}

package com.disclosuredesk.order;

import java.time.Instant;

/** One step in an order's timeline, as the authority and staff see it. Never holds personal data. */
public record TimelineEvent(Instant at, TimelineStep step, String actor, String detail) {}

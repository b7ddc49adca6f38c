package com.disclosuredesk.order;

import java.time.Instant;

/** A message to the authority that submitted an order, as recorded in the outbox. No personal data. */
public record OutboxMessage(long id, String trackingNumber, String kind, Instant createdAt, String message) {}

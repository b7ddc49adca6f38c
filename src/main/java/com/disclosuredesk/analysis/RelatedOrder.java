package com.disclosuredesk.analysis;

import com.disclosuredesk.order.OrderStatus;

/** Another open order of the same authority that names at least one of the same targets. */
public record RelatedOrder(String trackingNumber, String reference, OrderStatus status, int sharedTargets) {}

package com.disclosuredesk.validity;

/** One reason why an order is not (yet) valid, worded for the authority. */
public record Finding(ValidityOutcome outcome, String reason) {}

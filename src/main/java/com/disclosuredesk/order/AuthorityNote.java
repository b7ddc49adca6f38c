package com.disclosuredesk.order;

import java.time.Instant;

/** Something the authority wrote in its own words about an order (a clarification, a withdrawal reason). */
public record AuthorityNote(Instant writtenAt, String kind, String author, String text, String correctedFields) {}

package com.disclosuredesk.analysis;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Finds other open orders (not yet ended) of the same authority (same country and name, case-insensitive) that
 * name one of this order's targets, after normalization: phone numbers in E.164, usernames without '@' and in
 * lower case, account ids as given.
 */
@Service
public class RelatedOrders {

    public List<RelatedOrder> of(String trackingNumber) {
        throw new UnsupportedOperationException("not yet built");
    }
}

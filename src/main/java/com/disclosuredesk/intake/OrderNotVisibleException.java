package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/** The order does not exist, or the caller may not see it: both answer 404. */
public class OrderNotVisibleException extends ApiProblemException {
    public OrderNotVisibleException(String trackingNumber) {
        super(ProblemType.ORDER_NOT_FOUND, "No order " + trackingNumber + " is visible to you.");
    }
}

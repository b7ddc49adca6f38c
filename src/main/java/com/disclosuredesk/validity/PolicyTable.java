package com.disclosuredesk.validity;

import java.util.List;

/** The platform's disclosure policy as legal staff wrote it: the DMN decision {@code order-validity}. */
public interface PolicyTable {

    /** Every rule of the policy that the facts break; empty when none does. */
    List<Finding> evaluate(PolicyFacts facts);
}

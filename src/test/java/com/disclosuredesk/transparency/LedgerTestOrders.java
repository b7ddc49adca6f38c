package com.disclosuredesk.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;

/** Orders as the ledger sees them, for tests of the ledger and the report (nothing is stored but the entry). */
final class LedgerTestOrders {

    private LedgerTestOrders() {}

    static LegalOrder order(String trackingNumber, String country, OrderType type, boolean emergency, int targets) {
        List<Target> list = new ArrayList<>();
        for (int n = 0; n < targets; n++) {
            list.add(new Target(TargetType.ACCOUNT_ID, Integer.toString(100_000 + n)));
        }
        return new LegalOrder(trackingNumber, "AZ-" + trackingNumber, "police-" + country.toLowerCase(), LegalOrder.Channel.API,
                type, new LegalOrder.Authority("Authority " + country, country, "contact@authority.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Court"), LocalDate.of(2026, 1, 20), LocalDate.of(2027, 2, 20),
                Offence.FRAUD, true, emergency, emergency ? "Threat to life." : null, list,
                Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), Instant.parse("2025-09-01T00:00:00Z"),
                Instant.parse("2025-11-01T00:00:00Z"), null, null, OrderStatus.RECEIVED, Instant.parse("2026-01-21T08:00:00Z"));
    }
}

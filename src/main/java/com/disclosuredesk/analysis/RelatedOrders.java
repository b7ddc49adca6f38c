package com.disclosuredesk.analysis;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import com.disclosuredesk.order.OrderStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds other open orders (not yet ended) of the same authority (same country and name, case-insensitive) that
 * name one of this order's targets, after normalization: phone numbers in E.164, usernames without '@' and in
 * lower case, account ids as given.
 *
 * <p>One query: the order's targets joined with every other target of the same normalized key (index
 * {@code dd_order_target_key}, column written by {@code OrderRepository} from {@code Target.key()}), restricted to
 * orders of the same {@code authority_key} whose status is not final ({@link OrderStatus#isFinal()}). Only tracking
 * numbers, references, statuses and counts leave it: never a target.
 */
@Service
public class RelatedOrders {

    private final JdbcClient jdbc;

    public RelatedOrders(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The related orders, ordered by tracking number; empty for an unknown order or one without any. */
    public List<RelatedOrder> of(String trackingNumber) {
        List<String> finalStatuses = Arrays.stream(OrderStatus.values()).filter(OrderStatus::isFinal).map(Enum::name).toList();
        return jdbc.sql("""
                SELECT other.tracking_number, other.reference, other.status, COUNT(DISTINCT theirs.target_key) AS shared
                FROM dd_legal_order mine
                JOIN dd_order_target own ON own.tracking_number = mine.tracking_number
                JOIN dd_order_target theirs ON theirs.target_key = own.target_key
                    AND theirs.tracking_number <> mine.tracking_number
                JOIN dd_legal_order other ON other.tracking_number = theirs.tracking_number
                WHERE mine.tracking_number = :trackingNumber
                  AND other.authority_key = mine.authority_key
                  AND other.status NOT IN (:finalStatuses)
                GROUP BY other.tracking_number, other.reference, other.status
                ORDER BY other.tracking_number
                """)
                .param("trackingNumber", trackingNumber)
                .param("finalStatuses", finalStatuses)
                .query((rs, i) -> new RelatedOrder(rs.getString(1), rs.getString(2), OrderStatus.valueOf(rs.getString(3)),
                        rs.getInt(4)))
                .list();
    }
}

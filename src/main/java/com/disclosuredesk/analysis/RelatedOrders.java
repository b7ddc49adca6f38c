package com.disclosuredesk.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;


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

    public RelatedOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * At most this many related orders are listed (the most recent); the count says how many there are in all. An
     * authority may send many orders on one suspect: the analysis form stays readable and the process variable small.
     */
    public static final int LISTED = 20;

    /** The related orders listed (at most {@link #LISTED}, the most recent, in tracking number order) and their count. */
    public record Found(List<RelatedOrder> listed, int total) {}

    /**
     * The most recent related orders (at most {@link #LISTED}, in tracking number order) and how many there are in all;
     * none for an unknown order or one without any.
     */
    public Found find(String trackingNumber) {
        List<String> finalStatuses = Arrays.stream(OrderStatus.values()).filter(OrderStatus::isFinal).map(Enum::name).toList();
        List<Row> newestFirst = jdbc.sql("""
                SELECT other.tracking_number, other.reference, other.status, COUNT(DISTINCT theirs.target_key) AS shared,
                       COUNT(*) OVER () AS total
                FROM dd_legal_order mine
                JOIN dd_order_target own ON own.tracking_number = mine.tracking_number
                JOIN dd_order_target theirs ON theirs.target_key = own.target_key
                    AND theirs.tracking_number <> mine.tracking_number
                JOIN dd_legal_order other ON other.tracking_number = theirs.tracking_number
                WHERE mine.tracking_number = :trackingNumber
                  AND other.authority_key = mine.authority_key
                  AND other.status NOT IN (:finalStatuses)
                GROUP BY other.tracking_number, other.reference, other.status
                ORDER BY other.tracking_number DESC
                FETCH FIRST :listed ROWS ONLY
                """)
                .param("trackingNumber", trackingNumber)
                .param("finalStatuses", finalStatuses)
                .param("listed", LISTED)
                .query((rs, i) -> new Row(new RelatedOrder(rs.getString(1), rs.getString(2),
                        OrderStatus.valueOf(rs.getString(3)), rs.getInt(4)), rs.getInt(5)))
                .list();
        List<RelatedOrder> listed = new ArrayList<>(newestFirst.stream().map(Row::order).toList());
        Collections.reverse(listed);
        return new Found(List.copyOf(listed), newestFirst.isEmpty() ? 0 : newestFirst.get(0).total());
    }

    /** A listed order and the count of all related orders (the same on every row). */
    private record Row(RelatedOrder order, int total) {}
}

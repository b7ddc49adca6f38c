package com.disclosuredesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.disclosure.DisclosureRepository;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Notifications of users whose data was disclosed ("your data was disclosed to ..."), recorded for the platform
 * to deliver once no non-disclosure order forbids it.
 *
 * <p>Whom to notify comes from the accounts recorded at disclosure time ({@code dd_disclosed_account}, written by
 * {@code DisclosureService}), not from the package: the package is deleted when it expires, usually long before a
 * non-disclosure order ends. Disclosures made before that record existed (migration V9) have no recorded accounts:
 * for them nothing is recorded and a warning is logged (tracking number only), so that staff notify by hand.
 */
@Service
public class UserNotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(UserNotificationService.class);

    private static final String COLUMNS = "id, tracking_number, account_id, text, status, created_at, delivered_at";

    private final JdbcClient jdbc;
    private final OrderRepository orders;
    private final DisclosureRepository disclosures;
    private final Clock clock;
    private final Sequences sequences;

    public UserNotificationService(JdbcClient jdbc, Sequences sequences, OrderRepository orders, DisclosureRepository disclosures, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.disclosures = disclosures;
        this.clock = clock;
        this.sequences = sequences;
    }

    /**
     * Records one pending notification per account whose data the order's disclosure package contains, with the
     * legally allowed details (authority, country, order type, categories, date of disclosure). Idempotent per
     * order. Returns the number of notifications recorded.
     *
     * <p>Returns the number recorded by this call: 0 when the order disclosed nothing (no disclosure, or no account
     * with data) and 0 on a repeated call (the notifications of the first call stay as they are, delivered or not).
     *
     * @throws com.disclosuredesk.order.OrderNotFoundException for an unknown order
     */
    public int recordFor(String trackingNumber) {
        LegalOrder order = orders.get(trackingNumber);
        Optional<DisclosureRepository.Record> disclosure = disclosures.findByOrder(trackingNumber);
        if (disclosure.isEmpty()) {
            return 0;
        }
        List<DisclosureRepository.DisclosedAccount> accounts = disclosures.disclosedAccounts(trackingNumber);
        if (accounts.isEmpty() && disclosure.get().targetsWithData() > 0) {
            LOG.warn("Order {} disclosed data before the disclosed accounts were recorded: no user notification is recorded; "
                    + "notify the users of its disclosure by hand", trackingNumber);
            return 0;
        }
        Set<Long> notified = new HashSet<>(jdbc.sql("SELECT account_id FROM dd_user_notification WHERE tracking_number = ?")
                .param(trackingNumber).query(Long.class).list());
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int recorded = 0;
        for (DisclosureRepository.DisclosedAccount account : accounts) {
            if (notified.contains(account.accountId())) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO dd_user_notification (id, tracking_number, account_id, text, status, created_at)
                    VALUES (?, ?, ?, ?, 'PENDING', ?)
                    """)
                    .params(sequences.next("dd_user_notification_seq"), trackingNumber, account.accountId(),
                            text(order, account.categories(), disclosure.get().createdAt()), now)
                    .update();
            recorded++;
        }
        return recorded;
    }

    /**
     * What the user reads: the authority and its country, the kind of order, the categories of this user's data
     * that were disclosed, the date of disclosure and the tracking number. Nothing about any other person, not the
     * disclosed data itself, not the offence or the authority's reference.
     */
    static String text(LegalOrder order, Set<DataCategory> categories, Instant disclosedAt) {
        return "Your data was disclosed to " + order.authority().name() + " (" + countryName(order.authority().country())
                + ") on " + disclosedAt.atOffset(ZoneOffset.UTC).toLocalDate() + " in answer to " + orderTypeText(order.orderType())
                + ". Data disclosed: " + categoriesText(categories) + ". Tracking number: " + order.trackingNumber() + ".";
    }

    static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    static String orderTypeText(OrderType type) {
        return switch (type) {
            case COURT_ORDER -> "a court order";
            case SEARCH_WARRANT -> "a search warrant";
            case SUBPOENA -> "a subpoena";
            case EMERGENCY_REQUEST -> "an emergency request";
            case PRESERVATION_REQUEST -> "a preservation request";
            case EU_PRODUCTION_ORDER -> "a European production order";
            case EU_PRESERVATION_ORDER -> "a European preservation order";
        };
    }

    static String categoriesText(Set<DataCategory> categories) {
        String text = categories.stream().sorted().map(c -> switch (c) {
            case IP_ADDRESS -> "IP addresses";
            case PHONE_NUMBER -> "phone number";
            case MESSAGE_CONTENT -> "message content";
            case CONTACTS -> "contacts";
            case DEVICE_INFORMATION -> "device information";
            case USERNAME_HISTORY -> "username history";
        }).collect(Collectors.joining(" and "));
        return text.isEmpty() ? "none" : text;
    }

    /** A page of notifications, newest first. */
    public record Page(int page, int size, long totalItems, List<UserNotification> items) {}

    /** Notifications of one status (all when empty), newest first; page counts from 0. */
    public Page list(Optional<UserNotification.Status> status, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(s -> params.put("status", s.name()));
        String where = status.isPresent() ? " WHERE status = :status" : "";
        long total = jdbc.sql("SELECT COUNT(*) FROM dd_user_notification" + where).params(params).query(Long.class).single();
        params.put("offset", (long) page * size);
        params.put("size", size);
        List<UserNotification> items = jdbc.sql("SELECT " + COLUMNS + " FROM dd_user_notification" + where
                        + " ORDER BY created_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params)
                .query((rs, i) -> map(rs))
                .list();
        return new Page(page, size, total, items);
    }

    public Optional<UserNotification> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dd_user_notification WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    public List<UserNotification> ofOrder(String trackingNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dd_user_notification WHERE tracking_number = ? ORDER BY account_id")
                .param(trackingNumber).query((rs, i) -> map(rs)).list();
    }

    /**
     * The platform's delivery system delivered the notification. Idempotent: a second call changes nothing and
     * answers the notification with the time of its first delivery. Empty for an unknown id.
     */
    public Optional<UserNotification> markDelivered(long id) {
        jdbc.sql("UPDATE dd_user_notification SET status = 'DELIVERED', delivered_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
        return find(id);
    }

    private static UserNotification map(ResultSet rs) throws SQLException {
        OffsetDateTime delivered = rs.getObject(7, OffsetDateTime.class);
        return new UserNotification(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                UserNotification.Status.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}

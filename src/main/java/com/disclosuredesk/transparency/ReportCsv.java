package com.disclosuredesk.transparency;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled; UTF-8 without BOM). One header row, one row per country, a last row "Total". Column
 * names follow what large platforms publish.
 *
 * <p>The moderation figures follow as a second table after one empty line: header
 * {@code Moderation figure,Breakdown,Value}, one row per figure and breakdown (a breakdown "Total" for the figure
 * itself), labels after the templates of Implementing Regulation (EU) 2024/2835 (docs/transparency.md). Reports
 * frozen without moderation figures have no second table.
 */
public final class ReportCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private ReportCsv() {}

    /** The header row: the fixed columns, then the outcomes, then two columns per order type, then emergencies. */
    public static List<String> header() {
        List<String> header = new ArrayList<>(List.of("Country", "Country code", "Requests", "Accounts specified",
                "Requests fulfilled", "Users affected", "Percentage of requests where some data produced",
                "Requests with no data found", "Requests rejected", "Requests refused as invalid", "Requests withdrawn",
                "Requests refused as unverified", "Preservations"));
        for (OrderType type : OrderType.values()) {
            header.add(label(type) + " requests");
            header.add(label(type) + " requests fulfilled");
        }
        header.add("Emergency requests");
        header.add("Emergency requests fulfilled");
        return header;
    }

    public static String write(TransparencyReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, header());
        for (TransparencyReport.Row row : report.countries()) {
            line(csv, values(row.countryName(), row.country(), row));
        }
        line(csv, values("Total", "", report.totals()));
        if (report.moderation() != null) {
            csv.append("\r\n");
            line(csv, MODERATION_HEADER);
            moderationRows(report.moderation()).forEach(row -> line(csv, row));
        }
        return csv.toString();
    }

    /** The header of the second table. */
    public static final List<String> MODERATION_HEADER = List.of("Moderation figure", "Breakdown", "Value");

    /** The rows of the second table: figure, breakdown, value (empty for a median without values). */
    static List<List<String>> moderationRows(ModerationFigures m) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Number of notices submitted in accordance with Article 16", "Total", m.notices().total()));
        m.notices().bySource().forEach((source, n) -> rows.add(row("Number of notices by source", source, n)));
        rows.add(row("Number of notices submitted by trusted flaggers", "Total", m.notices().byTrustedFlaggers()));
        m.notices().byCategory().forEach((category, n) -> rows.add(row("Number of notices by category", category, n)));
        rows.add(row("Number of decisions taken on notices", "Total", m.actions().decisions()));
        m.actions().byType().forEach((type, n) -> rows.add(row("Number of decisions by type of restriction", type, n)));
        m.actions().byGround().forEach((ground, n) -> rows.add(row("Number of actions taken by ground", ground, n)));
        m.actions().byCategory().forEach((category, n) -> rows.add(row("Number of actions taken by category", category, n)));
        rows.add(row("Number of notices processed", "Total", m.actions().noticesActioned()));
        rows.add(List.of("Median time to take action on notices (seconds)", "Total",
                number(m.actions().medianTimeToDecisionSeconds())));
        rows.add(row("Number of decisions reversed", "Total", m.actions().reversals()));
        rows.add(row("Number of complaints received", "Total", m.complaints().received()));
        rows.add(row("Number of complaints decided", "Total", m.complaints().decided()));
        rows.add(row("Number of complaints decided", "UPHELD", m.complaints().upheld()));
        rows.add(row("Number of complaints decided", "REVERSED", m.complaints().reversed()));
        rows.add(List.of("Median time to decide complaints (seconds)", "Total",
                number(m.complaints().medianTimeToDecisionSeconds())));
        rows.add(row("Number of suspensions under Article 23", "Total", m.suspensions().total()));
        rows.add(row("Number of suspensions under Article 23", "NOTIFIER", m.suspensions().notifiers()));
        rows.add(row("Number of suspensions under Article 23", "ACCOUNT", m.suspensions().accounts()));
        rows.add(row("Number of suspensions under Article 23", "COMPLAINANT", m.suspensions().complainants()));
        rows.add(row("Number of referrals to authorities", "Total", m.referrals().total()));
        m.referrals().byCountry().forEach((country, n) -> rows.add(row("Number of referrals to authorities", country, n)));
        for (ModerationFigures.Day day : m.blockedPerDay()) {
            if (day.blocked() > 0) {
                rows.add(row("Subjects blocked", day.day().toString(), day.blocked()));
            }
            if (day.lifted() > 0) {
                rows.add(row("Blocks lifted on complaint", day.day().toString(), day.lifted()));
            }
        }
        return rows;
    }

    private static List<String> row(String figure, String breakdown, long value) {
        return List.of(figure, breakdown, Long.toString(value));
    }

    private static String number(Long value) {
        return value == null ? "" : value.toString();
    }

    private static List<String> values(String name, String code, TransparencyReport.Row row) {
        List<String> values = new ArrayList<>(List.of(name, code, Long.toString(row.requests()),
                Long.toString(row.accountsSpecified()), Long.toString(row.requestsFulfilled()),
                Long.toString(row.usersAffected()), percentage(row.percentageWhereSomeDataProduced())));
        for (OrderOutcome outcome : List.of(OrderOutcome.NO_DATA, OrderOutcome.REJECTED, OrderOutcome.INVALID,
                OrderOutcome.WITHDRAWN, OrderOutcome.UNVERIFIED, OrderOutcome.PRESERVED)) {
            values.add(Long.toString(row.outcomes().getOrDefault(outcome.name(), 0L)));
        }
        for (OrderType type : OrderType.values()) {
            TransparencyReport.Split split = row.byOrderType().get(type.name());
            values.add(Long.toString(split == null ? 0 : split.requests()));
            values.add(Long.toString(split == null ? 0 : split.requestsFulfilled()));
        }
        values.add(Long.toString(row.emergency().requests()));
        values.add(Long.toString(row.emergency().requestsFulfilled()));
        return values;
    }

    /** The English name of an order type as the report shows it: "Court order", "EU production order", ... */
    public static String label(OrderType type) {
        String words = type.name().toLowerCase().replace('_', ' ');
        return words.startsWith("eu ") ? "EU " + words.substring(3) : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String percentage(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int n = 0; n < fields.size(); n++) {
            if (n > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(n)));
        }
        csv.append("\r\n");
    }

    /** One field, quoted when RFC 4180 requires it. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}

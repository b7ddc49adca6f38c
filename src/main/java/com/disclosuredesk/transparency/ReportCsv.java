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
        return csv.toString();
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

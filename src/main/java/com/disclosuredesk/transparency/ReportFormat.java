package com.disclosuredesk.transparency;

import java.util.List;

import com.disclosuredesk.web.FieldProblem;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** JSON or CSV: the parameter {@code format} wins; otherwise the Accept header (CSV only when preferred); JSON by default. */
enum ReportFormat {
    JSON, CSV;

    private static final MediaType TEXT_CSV = MediaType.parseMediaType(ReportCsv.MEDIA_TYPE);

    static ReportFormat choose(String format, String accept) {
        if (format != null) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new ReportRequestException(List.of(new FieldProblem("format", "must be csv or json")));
            };
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        double csv = -1;
        double json = -1;
        for (MediaType type : types) {
            if (type.getType().equalsIgnoreCase(TEXT_CSV.getType()) && type.getSubtype().equalsIgnoreCase(TEXT_CSV.getSubtype())) {
                csv = Math.max(csv, type.getQualityValue());
            } else if (type.includes(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return csv > 0 && csv > json ? CSV : JSON;
    }
}

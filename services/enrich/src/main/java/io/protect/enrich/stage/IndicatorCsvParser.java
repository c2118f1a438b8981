package io.protect.enrich.stage;

import io.protect.enrich.Indicator;
import io.protect.enrich.IndicatorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an indicator feed in CSV: {@code type,value,threat,confidence} per line, an optional header
 * line (the first that is not a comment), {@code #} comments. Types: ip, cidr, domain, sha256, md5 (see {@link IndicatorType#parse});
 * an empty confidence means {@value #DEFAULT_CONFIDENCE}.
 */
public final class IndicatorCsvParser {

    /** Confidence of an entry that gives none: neither trusted nor dismissed. */
    public static final int DEFAULT_CONFIDENCE = 50;

    private IndicatorCsvParser() {
    }

    public static ParsedFeed parse(List<String> lines, String source) {
        List<Indicator> indicators = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> f = Csv.split(line);
            // A header is allowed as the first line that is not a comment.
            boolean header = first && f.get(0).trim().equalsIgnoreCase("type");
            first = false;
            if (header) {
                continue;
            }
            String where = source + ":" + (i + 1);
            if (f.size() < 2) {
                rejected.add(where + ": expected type,value,threat,confidence");
                continue;
            }
            Optional<IndicatorType> type = IndicatorType.parse(f.get(0));
            if (type.isEmpty()) {
                rejected.add(where + ": unknown indicator type '" + f.get(0).trim() + "'");
                continue;
            }
            int confidence = DEFAULT_CONFIDENCE;
            if (f.size() > 3 && !f.get(3).isBlank()) {
                try {
                    confidence = Integer.parseInt(f.get(3).trim());
                } catch (NumberFormatException e) {
                    rejected.add(where + ": confidence is not a number");
                    continue;
                }
            }
            String threat = f.size() > 2 ? f.get(2) : null;
            Optional<Indicator> indicator = IndicatorValues.indicator(type.get(), f.get(1), threat, confidence, source);
            if (indicator.isEmpty()) {
                rejected.add(where + ": '" + f.get(1).trim() + "' is not a valid " + type.get().wire());
                continue;
            }
            indicators.add(indicator.get());
        }
        return new ParsedFeed(List.copyOf(indicators), List.copyOf(rejected));
    }
}

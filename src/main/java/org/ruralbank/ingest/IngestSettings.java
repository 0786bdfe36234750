package org.ruralbank.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the loader treats deliveries.
 *
 * @param tolerances per table, how many invalid records may be quarantined while the date still loads (default 0:
 *        any invalid record blocks the date)
 * @param odsRetentionDays ODS keeps the rows of this many latest dates per table (0: all; at least 7 otherwise);
 *        rebuilding from a date needs its ODS rows
 * @param threads how many data files are read at once
 */
public record IngestSettings(Map<String, Long> tolerances, int odsRetentionDays, int threads) {

    public IngestSettings {
        tolerances = Map.copyOf(new TreeMap<>(tolerances));
        if (odsRetentionDays != 0 && odsRetentionDays < 7) {
            throw new IllegalArgumentException("ODS keeps at least 7 dates; odsRetentionDays is " + odsRetentionDays);
        }
        threads = Math.max(1, threads);
    }

    public static IngestSettings defaults() {
        return new IngestSettings(Map.of(), 0, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public long tolerance(String table) {
        return tolerances.getOrDefault(table, 0L);
    }
}

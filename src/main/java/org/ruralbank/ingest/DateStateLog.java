package org.ruralbank.ingest;

import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ruralbank.delivery.DeliveryFiles;

/**
 * Logs each date's state as it changes, once per date and state however often the inbox is looked at, as one
 * structured line ({@code ingest date=YYYYMMDD state=S version=N rows=N reason="..."}): BLOCKED at WARN with its
 * reason, WAITING and LOADED at INFO. PENDING is not logged, nor a date first seen LOADED that this run did not
 * load (it was loaded before this process started).
 */
final class DateStateLog {

    private static final System.Logger LOG = System.getLogger(DateStateLog.class.getName());

    private final Map<LocalDate, DateState> seen = new ConcurrentHashMap<>();

    /** Logs the changes of {@code all} (every date after a run) since the last look; returns the lines logged. */
    List<String> observe(List<DateStatus> all, List<DateStatus> worked) {
        Set<LocalDate> loadedNow = new HashSet<>();
        worked.forEach(s -> loadedNow.add(s.date()));
        List<String> logged = new ArrayList<>();
        for (DateStatus s : all) {
            DateState before = seen.put(s.date(), s.state());
            if (s.state() == before
                    || s.state() == DateState.PENDING
                    || (before == null && s.state() == DateState.LOADED && !loadedNow.contains(s.date()))) {
                continue;
            }
            String line = line(s);
            LOG.log(s.state() == DateState.BLOCKED ? Level.WARNING : Level.INFO, line);
            logged.add(line);
        }
        return logged;
    }

    static String line(DateStatus s) {
        return "ingest date=" + DeliveryFiles.folder(s.date()) + " state=" + s.state() + " version=" + s.version()
                + " rows=" + s.rows() + " reason=" + quoted(s.reason());
    }

    /** A value of a log line in double quotes, its quotes and backslashes escaped, on one line. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}

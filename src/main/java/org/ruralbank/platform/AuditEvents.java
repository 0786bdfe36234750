package org.ruralbank.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/** Reads the audit log for the audit pages and exports, within the reader's org scope. */
public interface AuditEvents {

    /** One audit entry. */
    record Entry(
            long id,
            OffsetDateTime occurredAt,
            String actor,
            String action,
            String targetType,
            String targetId,
            String outcome,
            String before,
            String after,
            String remoteAddr) {}

    /** Filter of the audit page; every part may be blank. Dates are inclusive, in Beijing time. */
    record Filter(String actor, String action, LocalDate from, LocalDate to) {}

    /** One page of the entries in scope that match, newest first. */
    PageOf<Entry> search(OrgScope scope, Filter filter, int page, int size);

    /** Streams every matching entry, newest first, to {@code sink} (for exports of any size). */
    void forEach(OrgScope scope, Filter filter, Consumer<Entry> sink);
}

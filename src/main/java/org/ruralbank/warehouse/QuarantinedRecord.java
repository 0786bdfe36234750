package org.ruralbank.warehouse;

import org.jspecify.annotations.Nullable;

/**
 * An invalid record kept aside (or a problem of a whole file, with line 0 and no raw text).
 *
 * @param raw the record's text decoded in the file's encoding
 */
public record QuarantinedRecord(
        String table,
        String file,
        long line,
        @Nullable String field,
        String reason,
        @Nullable String raw) {}

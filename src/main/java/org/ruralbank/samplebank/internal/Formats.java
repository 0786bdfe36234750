package org.ruralbank.samplebank.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.RecordFormat;
import org.ruralbank.delivery.TableMeta;

/**
 * How each table is written. The choices differ by table so that one delivery exercises every feature of the
 * interface: 1- to 4-byte separators (including '|', which can be a GBK trail byte), trailing separators, CRLF line
 * ends, gzip, and FIXED records in GBK for the finance system.
 */
final class Formats {

    /** @param separatorHex DELIMITED separator in hex; null for FIXED */
    public record Layout(String separatorHex, boolean trailing, boolean gzip, boolean crlf) {}

    static final Map<String, Layout> LAYOUTS = Map.ofEntries(
            Map.entry("CORE_ORG", new Layout("7C", false, false, false)),
            Map.entry("CORE_STAFF", new Layout("1D", true, false, false)),
            Map.entry("CORE_CUSTOMER", new Layout("7C", false, true, false)),
            Map.entry("CORE_DEPOSIT_ACCT", new Layout("7C", true, true, false)),
            Map.entry("CORE_DEPOSIT_TXN", new Layout("1E", false, true, false)),
            Map.entry("CORE_CARD", new Layout("7C", false, true, false)),
            Map.entry("CRED_LOAN_CONTRACT", new Layout("1F", true, false, true)),
            Map.entry("CRED_LOAN", new Layout("7C", false, false, true)),
            Map.entry("CRED_REPAYMENT", new Layout("2C", false, false, true)),
            Map.entry("CRED_GUARANTEE", new Layout("7C1D7C1D", false, false, true)),
            Map.entry("FIN_GL_BALANCE", new Layout(null, false, false, false)),
            Map.entry("FIN_EXPENSE", new Layout(null, false, false, true)),
            Map.entry("MID_AGENCY_BATCH", new Layout("7C", true, false, false)),
            Map.entry("MID_AGENCY_DETAIL", new Layout("1D", false, true, false)),
            Map.entry("EB_USER", new Layout("7C", false, true, false)),
            Map.entry("EB_TXN", new Layout("1E", true, false, false)),
            Map.entry("EB_DEVICE", new Layout("7C", false, false, false)),
            Map.entry("EB_DEVICE_TXN", new Layout("7C", false, true, false)),
            Map.entry("ACQ_MERCHANT", new Layout("7C2B7C", true, false, false)),
            Map.entry("ACQ_POS_TXN", new Layout("7C", false, true, false)));

    private Formats() {}

    public static @Nullable Layout layout(String table) {
        return LAYOUTS.get(table);
    }

    /** The metadata of a table for a date: FIN tables FIXED in GBK, the others DELIMITED in GBK or UTF-8. */
    public static TableMeta meta(DeliveryTable t, LocalDate date, boolean utf8) {
        Layout l = LAYOUTS.get(t.name());
        if (l.separatorHex() == null) {
            return new TableMeta(
                    t.name(),
                    t.system(),
                    date,
                    t.loadMode(),
                    RecordFormat.FIXED,
                    TableMeta.GBK,
                    new byte[0],
                    false,
                    t.fixedRecordLength(),
                    t.description(),
                    t.columns());
        }
        Charset cs = utf8 ? StandardCharsets.UTF_8 : TableMeta.GBK;
        return new TableMeta(
                t.name(),
                t.system(),
                date,
                t.loadMode(),
                RecordFormat.DELIMITED,
                cs,
                HexFormat.of().parseHex(l.separatorHex()),
                l.trailing(),
                0,
                t.description(),
                t.columns());
    }
}

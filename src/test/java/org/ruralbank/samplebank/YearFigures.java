package org.ruralbank.samplebank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.RecordReader;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.shared.Money;

/**
 * The annual figures of docs/domain.md section 2 computed from a generated inbox, the way the annual report will
 * compute them: year-end FULL tables and the INCR tables of every date of the year.
 */
final class YearFigures {

    final Map<String, Long> counts = new HashMap<>();
    final Map<String, Long> fen = new HashMap<>();

    static YearFigures of(Path inbox, int year) throws IOException {
        YearFigures f = new YearFigures();
        LocalDate end = LocalDate.of(year, 12, 31);
        String yearPrefix = Integer.toString(year);
        // cards and their balance
        Set<String> cardAccounts = new HashSet<>();
        Set<String> cancelled = new HashSet<>();
        Set<String> replaced = new HashSet<>();
        each(inbox, "CORE_CARD", end, (m, r) -> {
            if (!r[m.indexOf("CARD_STATUS")].equals("C")) {
                f.add("cards", 1);
                cardAccounts.add(r[m.indexOf("ACCT_NO")]);
            }
            if (r[m.indexOf("ISSUE_DATE")].startsWith(yearPrefix) && r[m.indexOf("REPLACED_CARD_NO")].isEmpty()) {
                f.add("newCards", 1);
            }
            if (r[m.indexOf("MEDIUM")].equals("I")) {
                f.add("chipCards", 1);
            }
            if (r[m.indexOf("CARD_STATUS")].equals("C")) {
                cancelled.add(r[m.indexOf("CARD_NO")]);
            }
            if (!r[m.indexOf("REPLACED_CARD_NO")].isEmpty()) {
                replaced.add(r[m.indexOf("REPLACED_CARD_NO")]);
            }
        });
        cancelled.removeAll(replaced);
        // cancelled cards that no chip card replaced: closed by their customers
        f.add("closedCards", cancelled.size());
        each(inbox, "CORE_DEPOSIT_ACCT", end, (m, r) -> {
            if (cardAccounts.contains(r[m.indexOf("ACCT_NO")])) {
                f.addFen("cardBalance", Money.fenOfYuan(r[m.indexOf("BALANCE")]));
            }
        });
        Map<String, String> deviceTypes = new HashMap<>();
        each(inbox, "EB_DEVICE", end, (m, r) -> {
            deviceTypes.put(r[0], r[1]);
            f.add(r[1].equals("BMB") ? "villageTerminals" : "devices", 1);
        });
        each(inbox, "ACQ_MERCHANT", end, (m, r) -> f.add("merchants", 1));
        each(inbox, "EB_USER", end, (m, r) -> {
            f.add("users." + r[2], 1);
            if (r[m.indexOf("SIGN_DATE")].startsWith(yearPrefix)) {
                f.add("newUsers." + r[2], 1);
            }
            if (r[2].equals("CNET")) {
                f.max("cnetSingleMax", Money.fenOfYuan(r[m.indexOf("SINGLE_LIMIT")]));
                f.max("cnetDailyMax", Money.fenOfYuan(r[m.indexOf("DAILY_LIMIT")]));
            }
        });
        for (LocalDate d = LocalDate.of(year, 1, 1); !d.isAfter(end); d = d.plusDays(1)) {
            each(inbox, "EB_DEVICE_TXN", d, (m, r) -> {
                if (!"BMB".equals(deviceTypes.get(r[1]))) {
                    f.add("deviceTxn", 1);
                    f.add("deviceTxn." + r[4], 1);
                    f.addFen("deviceFee", Money.fenOfYuan(r[8]));
                }
            });
            each(inbox, "ACQ_POS_TXN", d, (m, r) -> {
                if (r[11].equals("S")) {
                    f.add("posTxn", 1);
                    f.addFen("posAmount", Money.fenOfYuan(r[9]));
                    f.addFen("posFee", Money.fenOfYuan(r[10]));
                }
            });
            each(inbox, "EB_TXN", d, (m, r) -> {
                if (r[8].equals("S")) {
                    f.add("eb." + r[2] + "." + r[5], 1);
                    f.addFen("eb." + r[2] + "." + r[5], Money.fenOfYuan(r[6]));
                    f.add("eb." + r[2], 1);
                    f.addFen("eb." + r[2], Money.fenOfYuan(r[6]));
                }
            });
            each(inbox, "MID_AGENCY_BATCH", d, (m, r) -> {
                f.add("batches." + r[1], 1);
                f.add("payments." + r[1], Long.parseLong(r[6]));
                f.addFen("payments." + r[1], Money.fenOfYuan(r[7]));
            });
        }
        return f;
    }

    long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    long fen(String key) {
        return fen.getOrDefault(key, 0L);
    }

    private void add(String key, long n) {
        counts.merge(key, n, Long::sum);
    }

    private void addFen(String key, long n) {
        fen.merge(key, n, Long::sum);
    }

    private void max(String key, long n) {
        fen.merge(key, n, Math::max);
    }

    interface Row {
        void accept(TableMeta meta, String[] fields);
    }

    static void each(Path inbox, String table, LocalDate date, Row row) {
        Path folder = inbox.resolve(DeliveryFiles.folder(date));
        if (!Files.exists(folder.resolve("READY"))) {
            return;
        }
        try {
            TableMeta meta = TableMeta.read(folder.resolve(DeliveryFiles.meta(table, date)));
            Path data = folder.resolve(DeliveryFiles.data(table, date, true));
            if (!Files.exists(data)) {
                data = folder.resolve(DeliveryFiles.data(table, date, false));
            }
            try (RecordReader r = RecordReader.open(data, meta)) {
                while (r.next()) {
                    row.accept(meta, java.util.Arrays.copyOf(r.fields(), r.size()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void forEach(Map<String, Long> m, Consumer<String> out) {
        m.keySet().stream().sorted().forEach(k -> out.accept(k + "=" + m.get(k)));
    }

    public static void main(String[] args) throws IOException {
        YearFigures f = of(Path.of(args[0]), Integer.parseInt(args[1]));
        forEach(f.counts, System.out::println);
        forEach(f.fen, k -> System.out.println("fen " + k));
    }
}

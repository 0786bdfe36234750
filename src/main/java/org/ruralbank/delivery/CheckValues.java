package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code .chk} file: records in the data file, its size and MD5 as delivered (compressed bytes for .gz). */
public record CheckValues(long rows, long bytes, String md5) {

    public String render() {
        return "rows=" + rows + "\nbytes=" + bytes + "\nmd5=" + md5 + "\n";
    }

    /**
     * What is wrong with a data file as read against these check values.
     *
     * @param chkFile the {@code .chk} file's name as problems show it
     */
    public List<DeliveryProblem> mismatches(String chkFile, long records, long fileBytes, String fileMd5) {
        List<DeliveryProblem> found = new ArrayList<>();
        if (rows != records) {
            found.add(DeliveryProblem.ofFile(
                    chkFile, "rows=" + rows + " but the data file holds " + records + " records"));
        }
        if (bytes != fileBytes) {
            found.add(DeliveryProblem.ofFile(
                    chkFile, "bytes=" + bytes + " but the data file is " + fileBytes + " bytes"));
        }
        if (!md5.equals(fileMd5)) {
            found.add(DeliveryProblem.ofFile(chkFile, "md5=" + md5 + " but the data file's MD5 is " + fileMd5));
        }
        return found;
    }

    public static final Set<String> KEYS = Set.of("rows", "bytes", "md5");

    public static CheckValues read(Path file) throws IOException {
        return of(KeyValues.read(file, KEYS));
    }

    /** Parses the three lines; throws {@link IllegalArgumentException} naming the missing or bad line. */
    public static CheckValues parse(String text) {
        return of(KeyValues.parse(text, KEYS));
    }

    private static CheckValues of(KeyValues kv) {
        return new CheckValues(
                kv.get("rows", KeyValues::count), kv.get("bytes", KeyValues::count), kv.get("md5", md5 -> {
                    if (!md5.matches("[0-9a-f]{32}")) {
                        throw new IllegalArgumentException("md5 '" + md5 + "' is not 32 lower-case hex digits");
                    }
                    return md5;
                }));
    }
}

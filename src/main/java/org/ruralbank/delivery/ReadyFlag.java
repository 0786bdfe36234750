package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** The {@code READY} flag: written last; version 1 is the first delivery of T, higher versions are corrections. */
public record ReadyFlag(int version, int files) {

    public static final String FILE_NAME = "READY";

    public String render() {
        return "version=" + version + "\nfiles=" + files + "\n";
    }

    public static final Set<String> KEYS = Set.of("version", "files");

    public static ReadyFlag read(Path file) throws IOException {
        return of(KeyValues.read(file, KEYS));
    }

    /** Parses {@code version=} and {@code files=}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static ReadyFlag parse(String text) {
        return of(KeyValues.parse(text, KEYS));
    }

    private static ReadyFlag of(KeyValues kv) {
        int version = kv.get("version", v -> {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new IllegalArgumentException("version " + n + " is below 1");
            }
            return n;
        });
        return new ReadyFlag(version, kv.get("files", Integer::parseInt));
    }
}

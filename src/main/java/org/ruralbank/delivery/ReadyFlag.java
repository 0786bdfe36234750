package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code READY} flag: written last; version 1 is the first delivery of T, higher versions are corrections. */
public record ReadyFlag(int version, int files) {

    public static final String FILE_NAME = "READY";

    public String render() {
        return "version=" + version + "\nfiles=" + files + "\n";
    }

    public static ReadyFlag read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses {@code version=} and {@code files=}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static ReadyFlag parse(String text) {
        Integer version = null;
        Integer files = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line '" + line + "' is not key=value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " '" + value + "' is not a number");
            }
            switch (key) {
                case "version" -> version = n;
                case "files" -> files = n;
                default -> throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }
        if (version == null || files == null) {
            throw new IllegalArgumentException("version and files must both be given");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " is below 1");
        }
        return new ReadyFlag(version, files);
    }
}

package org.ruralbank.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ruralbank.delivery.DeliveryFolder;
import org.ruralbank.delivery.ReadyFlag;
import org.ruralbank.ingest.IngestSettings;

/** The date folders of an inbox, each with its READY and a fingerprint of its files. */
final class Inbox {

    /**
     * One date folder.
     *
     * @param fingerprint changes when any file of the folder, or a tolerance, changes; empty without READY
     */
    record Folder(DeliveryFolder delivery, String fingerprint) {

        LocalDate date() {
            return delivery.date();
        }
    }

    private final IngestSettings settings;

    Inbox(IngestSettings settings) {
        this.settings = settings;
    }

    /** The date folders of {@code inbox} in date order; none when it is not a folder. */
    Map<LocalDate, Folder> scan(Path inbox) {
        Map<LocalDate, Folder> out = new TreeMap<>();
        if (!Files.isDirectory(inbox)) {
            return out;
        }
        try {
            for (Map.Entry<LocalDate, Path> e :
                    DeliveryFolder.inbox(inbox).folders().entrySet()) {
                DeliveryFolder folder = DeliveryFolder.at(e.getValue(), e.getKey());
                out.put(e.getKey(), new Folder(folder, folder.hasReady() ? fingerprint(e.getValue()) : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inbox " + inbox, e);
        }
        return out;
    }

    private String fingerprint(Path folder) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(Files.readAllBytes(folder.resolve(ReadyFlag.FILE_NAME)));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                md.update((p.getFileName() + "|" + Files.size(p) + "|"
                                + Files.getLastModifiedTime(p).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        md.update(settings.tolerances().toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }
}

package org.ruralbank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A home in one file: a zip archive of a staging home's files, laid out as the home keeps them, and a manifest
 * ({@value #MANIFEST}) naming the format, the release that wrote it, when, from which home and store, the dates of
 * the warehouse and inbox with their states, and the SHA-256 and modification time of every other entry (the
 * loader's fingerprint of a delivery includes its files' times, so a restored inbox keeps them). An archive is written under a
 * temporary name and renamed when complete, readable by its owner only (it holds the stores' passwords); it is read
 * only once every entry matches its checksum and nothing is in it that the manifest does not list.
 */
final class HomeArchive {

    static final String MANIFEST = "MANIFEST.properties";
    static final String FORMAT = "ruralbank-backup/1";

    private HomeArchive() {}

    /** What an archive says about itself. */
    record Manifest(
            String release,
            Instant takenAt,
            String home,
            String store,
            List<String> dates,
            SortedMap<String, String> sha256,
            SortedMap<String, Long> modified) {

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("format", FORMAT);
            p.setProperty("release", release);
            p.setProperty("taken_at", takenAt.toString());
            p.setProperty("home", home);
            p.setProperty("store", store);
            p.setProperty("dates", String.join(",", dates));
            sha256.forEach((entry, hash) -> p.setProperty("sha256." + entry, hash));
            modified.forEach((entry, millis) -> p.setProperty("modified." + entry, String.valueOf(millis)));
            return p;
        }

        static Manifest of(Properties p) {
            SortedMap<String, String> sha = new TreeMap<>();
            SortedMap<String, Long> modified = new TreeMap<>();
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith("sha256.")) {
                    sha.put(k.substring("sha256.".length()), p.getProperty(k));
                } else if (k.startsWith("modified.")) {
                    modified.put(k.substring("modified.".length()), Long.parseLong(p.getProperty(k)));
                }
            }
            String dates = p.getProperty("dates", "");
            return new Manifest(
                    p.getProperty("release", ""),
                    Instant.parse(p.getProperty("taken_at")),
                    p.getProperty("home", ""),
                    p.getProperty("store", ""),
                    dates.isEmpty() ? List.of() : List.of(dates.split(",")),
                    sha,
                    modified);
        }
    }

    /** Writes every file under {@code staging} into {@code archive}, with the manifest; returns the manifest. */
    static Manifest write(Path staging, Path archive, Manifest header) {
        Path part = archive.resolveSibling(archive.getFileName() + ".part");
        SortedMap<String, String> sha = new TreeMap<>();
        SortedMap<String, Long> modified = new TreeMap<>();
        try {
            ownerOnly(part);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part));
                    Stream<Path> walk = Files.walk(staging)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = entryName(staging.relativize(f));
                    zip.putNextEntry(new ZipEntry(name));
                    try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha256())) {
                        in.transferTo(zip);
                        sha.put(
                                name,
                                HexFormat.of()
                                        .formatHex(((DigestInputStream) in)
                                                .getMessageDigest()
                                                .digest()));
                    }
                    modified.put(name, Files.getLastModifiedTime(f).toMillis());
                    zip.closeEntry();
                }
                Manifest manifest = new Manifest(
                        header.release(),
                        header.takenAt(),
                        header.home(),
                        header.store(),
                        header.dates(),
                        sha,
                        modified);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
                manifest.toProperties().store(w, "Ruralbank backup: 'ruralbank restore --check' verifies it");
                w.flush();
                zip.closeEntry();
                zip.finish();
                Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the write failed already; the message below says so
            }
            throw new UncheckedIOException("cannot write " + archive + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks {@code archive} whole and returns its manifest, extracting its entries under {@code into} when given;
     * refuses, in one sentence, a file that is no Ruralbank backup or one that is damaged.
     */
    static Manifest read(Path archive, Path into) {
        if (!Files.isRegularFile(archive)) {
            throw new HomeConfig.HomeRefused("there is no archive at " + archive + ": check the file name");
        }
        try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry m = zip.getEntry(MANIFEST);
            if (m == null) {
                throw foreign(archive, "it has no " + MANIFEST);
            }
            Properties p = new Properties();
            try (Reader r = new java.io.InputStreamReader(zip.getInputStream(m), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw foreign(archive, "its manifest gives format=" + p.getProperty("format") + ", not " + FORMAT);
            }
            Manifest manifest = Manifest.of(p);
            Set<String> seen = new HashSet<>();
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory() || e.getName().equals(MANIFEST)) {
                    continue;
                }
                String expected = manifest.sha256().get(e.getName());
                if (expected == null || !safe(e.getName())) {
                    throw damaged(archive, "entry " + e.getName() + " is not in its manifest");
                }
                seen.add(e.getName());
                Path to = into == null ? null : into.resolve(e.getName());
                String actual = copy(zip, e, to);
                if (!actual.equals(expected)) {
                    throw damaged(archive, "entry " + e.getName() + " does not match its SHA-256");
                }
                Long millis = manifest.modified().get(e.getName());
                if (to != null && millis != null) {
                    // as it was: the loader's fingerprint of a delivery includes its files' times
                    Files.setLastModifiedTime(to, java.nio.file.attribute.FileTime.fromMillis(millis));
                }
            }
            List<String> missing = new ArrayList<>(manifest.sha256().keySet());
            missing.removeAll(seen);
            if (!missing.isEmpty()) {
                throw damaged(archive, "entry " + missing.get(0) + " of its manifest is missing");
            }
            return manifest;
        } catch (ZipException e) {
            throw foreign(archive, "it is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw damaged(archive, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The archive as the audit log names it: its file name, cut to the 64 characters of a target id. */
    static String auditName(Path archive) {
        String name = archive.getFileName().toString();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    private static String copy(ZipFile zip, ZipEntry e, Path to) throws IOException {
        try (DigestInputStream in = new DigestInputStream(zip.getInputStream(e), sha256())) {
            if (to == null) {
                in.transferTo(OutputStream.nullOutputStream());
            } else {
                Files.createDirectories(to.getParent());
                if (e.getName().endsWith(".secret")) {
                    ownerOnly(to);
                }
                try (OutputStream out = Files.newOutputStream(to)) {
                    in.transferTo(out);
                }
            }
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    /** A relative path of plain names: no root, no {@code ..}, no backslash. */
    private static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String entryName(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static HomeConfig.HomeRefused foreign(Path archive, String why) {
        return new HomeConfig.HomeRefused(
                archive + " is not a Ruralbank backup (" + why + "): give a file written " + "by 'ruralbank backup'");
    }

    private static HomeConfig.HomeRefused damaged(Path archive, String why) {
        return new HomeConfig.HomeRefused(
                archive + " is damaged (" + why + "): nothing was restored; use another " + "backup");
    }

    /** Creates {@code file} empty and readable by its owner only (best effort where there are no permissions). */
    static void ownerOnly(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

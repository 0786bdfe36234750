package org.ruralbank.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The lock under which a warehouse file changes on disk, across threads and processes: publishing, rebuilding and
 * preparing a date, and opening and closing the engine (DuckDB replays its write-ahead log when it opens and
 * checkpoints it when it closes). Whoever holds it sees the file and its log ({@code .wal}) at rest, with no
 * half-published date, so a plain copy of the two is a consistent warehouse: this is how a backup copies the file
 * while the server keeps it open.
 *
 * <p>Two locks in one: a reentrant lock per file within the process (the file lock of {@link FileChannel} belongs
 * to the process, not to a thread), and an operating-system lock on {@code <warehouse folder>/publishing.lock}
 * between processes, taken by the outermost holder of the first.
 */
public final class PublishingLock {

    private static final Map<Path, PublishingLock> LOCKS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock inProcess = new ReentrantLock();
    private @Nullable FileChannel channel;
    private @Nullable FileLock held;

    private PublishingLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    /** The lock of the warehouse kept in {@code warehouseFile}. */
    public static PublishingLock of(Path warehouseFile) {
        Path lockFile = warehouseFile.toAbsolutePath().normalize().resolveSibling("publishing.lock");
        return LOCKS.computeIfAbsent(lockFile, PublishingLock::new);
    }

    /** A holding of the lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock, waiting at most {@code wait}; empty-handed (null) when another holder keeps it longer (a date
     * still being published).
     */
    public @Nullable Held acquire(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!inProcess.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (inProcess.getHoldCount() > 1) {
            return inProcess::unlock;
        }
        try {
            while (!lockFile()) {
                if (System.nanoTime() > deadline) {
                    inProcess.unlock();
                    return null;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inProcess.unlock();
            return null;
        } catch (RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
        return this::release;
    }

    /** Runs {@code work} holding the lock, however long another holder keeps it first. */
    <T> T during(java.util.function.Supplier<T> work) {
        Held h = acquire(Duration.ofDays(1));
        if (h == null) {
            throw new IllegalStateException("the warehouse's publishing lock " + lockFile + " was not taken (this "
                    + "thread was interrupted, or another holder kept it for a day)");
        }
        try (h) {
            return work.get();
        }
    }

    private boolean lockFile() {
        try {
            if (channel == null) {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            held = channel.tryLock();
            return held != null;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    private void release() {
        try {
            if (held != null) {
                held.release();
                held = null;
            }
            if (channel != null) {
                channel.close();
                channel = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + lockFile, e);
        } finally {
            inProcess.unlock();
        }
    }
}

package org.ruralbank.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ruralbank.delivery.DeliveryFiles;

/**
 * Something wrong with the intake that a person must act on. Each kind says what is wrong and what to do in one
 * sentence ({@code ingest.problem.<KIND>} in the ingest texts, with {@link #arguments()}), and is alerted once per
 * date, kind and delivery version.
 */
public sealed interface IngestProblem {

    /** The kinds, as the alerts' table and the metrics name them. */
    enum Kind {
        BLOCKED,
        TESTS_FAILED,
        LATE,
        STALLED
    }

    /** The business date the problem is about. */
    LocalDate date();

    /** The delivery version it is about (0 when there is no delivery). */
    int version();

    Kind kind();

    /** The arguments of the sentence {@code ingest.problem.<KIND>}, the date first as {@code YYYYMMDD}. */
    List<Object> arguments();

    /** One structured log line ({@code ingest problem=KIND date=YYYYMMDD version=N ...}). */
    default String logLine() {
        return "ingest problem=" + kind() + " date=" + DeliveryFiles.folder(date()) + " version=" + version() + " "
                + details();
    }

    /** The key=value pairs of the log line that are particular to the kind. */
    String details();

    /** The delivery of the date breaks the contract, or the warehouse could not take it: nothing of it is published. */
    record Blocked(LocalDate date, int version, String reason) implements IngestProblem {
        public Kind kind() {
            return Kind.BLOCKED;
        }

        public List<Object> arguments() {
            return List.of(DeliveryFiles.folder(date), clause(reason));
        }

        public String details() {
            return "reason=" + DateStateLog.quoted(reason);
        }
    }

    /** A reason as a clause of the sentence: without its closing full stop, which the sentence has. */
    private static String clause(String reason) {
        String r = reason.strip();
        return r.endsWith(".") || r.endsWith("。") ? r.substring(0, r.length() - 1) : r;
    }

    /** A data test of the date failed, so the date is blocked: its rows disagree with each other or with its history. */
    record TestsFailed(LocalDate date, int version, String reason) implements IngestProblem {
        public Kind kind() {
            return Kind.TESTS_FAILED;
        }

        public List<Object> arguments() {
            return List.of(DeliveryFiles.folder(date), clause(reason));
        }

        public String details() {
            return "reason=" + DateStateLog.quoted(reason);
        }
    }

    /**
     * The date's delivery (its READY) had not arrived by {@code due}.
     *
     * @param inbox where it is expected
     */
    record Late(LocalDate date, Instant due, String dueLocal, String inbox) implements IngestProblem {
        public int version() {
            return 0;
        }

        public Kind kind() {
            return Kind.LATE;
        }

        public List<Object> arguments() {
            return List.of(DeliveryFiles.folder(date), dueLocal, inbox);
        }

        public String details() {
            return "due=" + due;
        }
    }

    /** The run loading the date has not moved on from {@code step} since {@code since}. */
    record Stalled(LocalDate date, String step, Instant since, String sinceLocal) implements IngestProblem {
        public int version() {
            return 0;
        }

        public Kind kind() {
            return Kind.STALLED;
        }

        public List<Object> arguments() {
            return List.of(DeliveryFiles.folder(date), sinceLocal, step);
        }

        public String details() {
            return "step=" + DateStateLog.quoted(step) + " since=" + since;
        }
    }
}

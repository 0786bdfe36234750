package org.ruralbank.samplebank;

import java.io.IOException;
import java.util.function.Consumer;
import org.ruralbank.samplebank.internal.Generator;

/**
 * The deterministic generator of a sample county bank's T+1 deliveries. The same request and seed give
 * byte-identical files; a request whose start follows the last generated date continues the bank kept in
 * {@code out/.samplebank}.
 */
public final class SampleBank {

    /** The folder under the inbox that keeps the bank's state between runs. */
    public static final String STATE_FOLDER = ".samplebank";

    /** The folder under the inbox that keeps version 1 of redelivered dates: {@code .redeliver/YYYYMMDD/v1}. */
    public static final String REDELIVER_FOLDER = ".redeliver";

    private SampleBank() {
    }

    /** Generates the requested dates; {@code progress} receives one line per date. */
    public static GenerationResult generate(GenerationRequest request, Consumer<String> progress) throws IOException {
        return Generator.run(request, progress);
    }
}

package org.ruralbank.samplebank;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param scale multiplies the profile's population and volumes; ratios and averages stay
 * @param utf8 write DELIMITED tables in UTF-8 instead of GBK (FIN tables stay FIXED in GBK)
 */
public record GenerationRequest(
        Profile profile,
        double scale,
        LocalDate start,
        int days,
        Path out,
        long seed,
        boolean utf8,
        List<Inject> injects) {

    public GenerationRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(out, "out");
        injects = List.copyOf(injects);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
    }

    /** Population and volume factor of the whole delivery relative to one seed bank. */
    public double volume() {
        return profile.banks() * profile.scale() * scale;
    }
}

package org.ruralbank.samplebank;

/**
 * The size of the generated bank. {@code SEED} is the bank of the domain brief, {@code SMALL} the same bank at
 * 1/100 of its population and volumes (orgs, staff and self-service devices stay whole), {@code PROVINCE} 50 such
 * banks side by side in one delivery.
 */
public enum Profile {
    SEED(1, 1.0),
    SMALL(1, 0.01),
    PROVINCE(50, 1.0);

    private final int banks;
    private final double scale;

    Profile(int banks, double scale) {
        this.banks = banks;
        this.scale = scale;
    }

    public int banks() {
        return banks;
    }

    /** Population and volume factor of one bank relative to the seed bank. */
    public double scale() {
        return scale;
    }
}

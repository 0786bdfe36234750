package org.ruralbank.samplebank.internal;

import java.util.SplittableRandom;

/**
 * Deterministic randomness: every stream is derived from the bank's seed, the day and a stream number, and every
 * derived attribute from the seed, a tag and an index. Nothing depends on iteration order or the clock.
 */
final class Rng {

    private Rng() {}

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long tag, long index) {
        return mix(mix(seed * 0x9E3779B97F4A7C15L + tag) + index * 0xD1B54A32D192ED03L);
    }

    /** A uniform value in [0, 1) derived from (seed, tag, index). */
    public static double unit(long seed, long tag, long index) {
        return (hash(seed, tag, index) >>> 11) * 0x1.0p-53;
    }

    /** A uniform int in [0, bound) derived from (seed, tag, index). */
    public static int pick(long seed, long tag, long index, int bound) {
        return (int) Math.floorMod(hash(seed, tag, index), (long) bound);
    }

    /** The random stream of one purpose on one day. */
    public static SplittableRandom stream(long seed, long epochDay, int stream) {
        return new SplittableRandom(hash(seed, 1_000_003L * stream + 17, epochDay));
    }

    /** The k-th point of the golden-ratio sequence: evenly spread in [0, 1) over any run of consecutive k. */
    public static double golden(long k, double offset) {
        double v = offset + k * 0.6180339887498949;
        return v - Math.floor(v);
    }

    /** The inverse of the standard normal distribution (Acklam's approximation, relative error below 1.2e-9). */
    public static double normalQuantile(double p) {
        p = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double q;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** A log-normal factor with mean 1 and the given sigma, at quantile u. */
    public static double lognormalFactor(double u, double sigma) {
        return Math.exp(sigma * normalQuantile(u) - sigma * sigma / 2);
    }

    public static double lognormalFactor(SplittableRandom r, double sigma) {
        return lognormalFactor(r.nextDouble(), sigma);
    }
}

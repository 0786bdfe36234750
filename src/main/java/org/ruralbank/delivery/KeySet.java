package org.ruralbank.delivery;

import java.util.Arrays;

/**
 * An exact set of strings for key uniqueness over files of millions of records: keys are copied into one char
 * arena and found through an open-addressing table of 64-bit hashes, so adding a key allocates no object and the
 * garbage collector has nothing to trace.
 */
final class KeySet {

    private long[] hashes;
    private int[] offsets;
    private char[] arena;
    private int used;
    private int size;
    private int mask;

    /** @param expected keys expected, to size the table (it grows as needed) */
    KeySet(long expected) {
        int capacity = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(16, expected * 2)) - 1) << 1;
        hashes = new long[capacity];
        offsets = new int[capacity];
        mask = capacity - 1;
        arena = new char[(int) Math.min(1 << 30, Math.max(256, expected * 24))];
    }

    /** Adds a key; false when it was already present. */
    boolean add(CharSequence key) {
        long h = hash(key);
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long at = hashes[i];
            if (at == 0) {
                break;
            }
            if (at == h && same(offsets[i], key)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        int n = key.length();
        if (used + n + 1 > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n + 1));
        }
        int offset = used;
        arena[used++] = (char) n;
        for (int k = 0; k < n; k++) {
            arena[used++] = key.charAt(k);
        }
        hashes[i] = h;
        offsets[i] = offset;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    private boolean same(int offset, CharSequence key) {
        int n = key.length();
        if (arena[offset] != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (arena[offset + 1 + k] != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        hashes = new long[oldHashes.length * 2];
        offsets = new int[oldHashes.length * 2];
        mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            long h = oldHashes[j];
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                offsets[i] = oldOffsets[j];
            }
        }
    }

    /** A 64-bit hash of the characters, never 0 (0 marks an empty slot). */
    static long hash(CharSequence s) {
        long h = 0x9E3779B97F4A7C15L ^ s.length();
        for (int k = 0, n = s.length(); k < n; k++) {
            h = (h ^ s.charAt(k)) * 0xff51afd7ed558ccdL;
        }
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}

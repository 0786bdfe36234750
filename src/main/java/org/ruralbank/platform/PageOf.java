package org.ruralbank.platform;

import java.util.List;

/** One page of a longer list: the rows, the page number (from 1), the page size and the total row count. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** A page number clamped to {@code >= 1}, a size clamped to 1..500. */
    public static int[] clamp(Integer page, Integer size) {
        int p = page == null || page < 1 ? 1 : page;
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, 500);
        return new int[] {p, s};
    }
}

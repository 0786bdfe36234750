package org.ruralbank.samplebank.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/** Growable primitive columns of the bank's state, written to and read from its state file. */
final class Grow {

    private Grow() {}

    static final class Ints {
        int[] a = new int[1024];
        int size;

        int add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size] = v;
            return size++;
        }

        int get(int i) {
            return a[i];
        }

        void set(int i, int v) {
            a[i] = v;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeInt(a[i]);
            }
        }

        void read(DataInputStream in) throws IOException {
            size = in.readInt();
            a = new int[Math.max(1024, size + size / 4)];
            for (int i = 0; i < size; i++) {
                a[i] = in.readInt();
            }
        }
    }

    static final class Longs {
        long[] a = new long[1024];
        int size;

        int add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size] = v;
            return size++;
        }

        long get(int i) {
            return a[i];
        }

        void set(int i, long v) {
            a[i] = v;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeLong(a[i]);
            }
        }

        void read(DataInputStream in) throws IOException {
            size = in.readInt();
            a = new long[Math.max(1024, size + size / 4)];
            for (int i = 0; i < size; i++) {
                a[i] = in.readLong();
            }
        }
    }

    static final class Bytes {
        byte[] a = new byte[1024];
        int size;

        int add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size] = (byte) v;
            return size++;
        }

        int get(int i) {
            return a[i];
        }

        void set(int i, int v) {
            a[i] = (byte) v;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(size);
            out.write(a, 0, size);
        }

        void read(DataInputStream in) throws IOException {
            size = in.readInt();
            a = new byte[Math.max(1024, size + size / 4)];
            in.readFully(a, 0, size);
        }
    }
}

package io.rowflow.internal.copy;

import java.util.Arrays;

/** A growable big-endian byte buffer for one page of binary COPY data. */
final class CopyBuffer {

    private byte[] bytes;
    private int size;

    CopyBuffer(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The bytes written, as a new array. */
    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    CopyBuffer writeShort(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    CopyBuffer writeInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    CopyBuffer writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    CopyBuffer writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    CopyBuffer writeBytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    /** Reserves a four-byte length at the current position; fill it with {@link #setInt}. */
    int reserveInt() {
        int at = size;
        writeInt(0);
        return at;
    }

    void setInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

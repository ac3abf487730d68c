package io.rowflow.examples;

/** Placeholder replaced by the demo tour. */
public final class Demo {
    private Demo() {
    }

    /** Runs the demo. */
    public static void main(String[] args) {
        System.out.println("Rowflow demo");
    }
}

package io.privacygate.testing.bench;

import io.privacygate.testing.PackagedJars;

/** Prints a TCP port that is free on 127.0.0.1 right now: standard output is how the benchmark scripts read it. */
public final class FreePort {
    private FreePort() {
    }

    public static void main(String[] args) {
        System.out.println(PackagedJars.freePort());
    }
}

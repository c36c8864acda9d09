package io.privacygate.commons.web;

import io.privacygate.commons.problem.ProblemException;

/** The {@code page} and {@code size} query parameters of every list endpoint, checked. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        // The offset is an int in every query: a page past it would wrap to a negative offset.
        if ((long) p * s > Integer.MAX_VALUE) {
            throw ProblemException.invalidField("page", "is beyond the last possible page for this size");
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}

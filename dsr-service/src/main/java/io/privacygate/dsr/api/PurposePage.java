package io.privacygate.dsr.api;

import java.util.List;

/** One page of consent-service's register. */
public record PurposePage(List<PurposeInfo> items, int page, int size, long total) {
}

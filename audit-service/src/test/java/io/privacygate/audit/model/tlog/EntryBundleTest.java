package io.privacygate.audit.model.tlog;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** c2sp.org/tlog-tiles entry bundles: "sequences of big-endian uint16 length-prefixed log entries". */
class EntryBundleTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void framesEachEntryWithItsBigEndianLength() {
        byte[] long300 = new byte[300];
        byte[] bundle = EntryBundle.frame(List.of(new byte[0], HEX.parseHex("010203"), long300));

        assertThat(HEX.formatHex(bundle, 0, 9)).isEqualTo("0000" + "0003010203" + "012c");
        assertThat(bundle).hasSize(2 + 5 + 302);
        assertThat(EntryBundle.parse(bundle)).usingElementComparator(java.util.Arrays::compare)
                .containsExactly(new byte[0], HEX.parseHex("010203"), long300);
    }

    @Test
    void refusesWhatALengthCannotSayOrABundleCutShort() {
        assertThatThrownBy(() -> EntryBundle.frame(List.of(new byte[65_536]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(EntryBundle.frame(List.of(new byte[65_535]))).hasSize(65_537);
        assertThatThrownBy(() -> EntryBundle.parse(HEX.parseHex("00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundle.parse(HEX.parseHex("000301"))).isInstanceOf(IllegalArgumentException.class);
    }
}

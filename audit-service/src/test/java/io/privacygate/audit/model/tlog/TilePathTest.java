package io.privacygate.audit.model.tlog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** c2sp.org/tlog-tiles paths and widths, with the spec's own examples and the seeds of Go's {@code FuzzParseTilePath}. */
class TilePathTest {

    @Test
    void writesTheIndexAsTheSpecDoes() {
        // "index 1234067 will be encoded as x001/x234/067"
        assertThat(new TilePath(0, 1234067, 256).path()).isEqualTo("0/x001/x234/067");
        assertThat(new TilePath(2, 5, 17).path()).isEqualTo("2/005.p/17");
        assertThat(new TilePath(0, 1000, 256).bundlePath()).isEqualTo("x001/000");
        assertThat(TilePath.parse("0/x001/x234/067")).isEqualTo(new TilePath(0, 1234067, 256));
        assertThat(TilePath.parseBundle("x001/x234/067.p/5")).isEqualTo(new TilePath(0, 1234067, 5));
    }

    @Test
    void acceptsGosSeedsWithoutTheirHeightElement() {
        // golang.org/x/mod/sumdb/tlog FuzzParseTilePath seeds, "tile/<H>/" dropped (C2SP fixes the height at 8).
        assertThat(TilePath.parse("0/001")).isEqualTo(new TilePath(0, 1, 256));
        assertThat(TilePath.parse("0/001.p/5")).isEqualTo(new TilePath(0, 1, 5));
        assertThat(TilePath.parse("5/x123/x456/078")).isEqualTo(new TilePath(5, 123456078, 256));
        assertThat(TilePath.parse("5/x123/x456/078.p/2")).isEqualTo(new TilePath(5, 123456078, 2));
        assertThat(TilePath.parse("0/x003/x057/500")).isEqualTo(new TilePath(0, 3057500, 256));
        assertThat(TilePath.parse("63/000")).isEqualTo(new TilePath(63, 0, 256));
    }

    @Test
    void refusesEveryOtherSpelling() {
        for (String path : List.of("5/123/456/078", "-1/123/456/078", "data/x003/x057/500", "0/x000/001", "0/1", "0/0001",
                "00/000", "64/000", "0/000.p/0", "0/000.p/256", "0/000.p/07", "0/001.p", "0/x001", "0/000/", "0/",
                "0/x999/x999/x999/x999/x999/x999/x999/999", "0/x036/x028/x797/x018/x963/x968/000")) {
            assertThatThrownBy(() -> TilePath.parse(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void widthsFollowTheSpecsExampleOfSeventyThousandEntries() {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0 tile of width 112,
        // one full level 1 tile, one partial level 1 tile of width 17, and one partial level 2 tile of width 1"
        assertThat(TilePath.widthIn(70_000, 0, 272)).isEqualTo(256);
        assertThat(TilePath.widthIn(70_000, 0, 273)).isEqualTo(112);
        assertThat(TilePath.widthIn(70_000, 0, 274)).isZero();
        assertThat(TilePath.widthIn(70_000, 1, 0)).isEqualTo(256);
        assertThat(TilePath.widthIn(70_000, 1, 1)).isEqualTo(17);
        assertThat(TilePath.widthIn(70_000, 2, 0)).isEqualTo(1);
        assertThat(TilePath.widthIn(70_000, 3, 0)).isZero();
        // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1"
        assertThat(TilePath.widthIn(256, 0, 0)).isEqualTo(256);
        assertThat(TilePath.widthIn(256, 0, 1)).isZero();
        assertThat(TilePath.widthIn(256, 1, 0)).isEqualTo(1);
        assertThat(TilePath.widthIn(Long.MAX_VALUE, 63, 0)).isZero();
    }
}

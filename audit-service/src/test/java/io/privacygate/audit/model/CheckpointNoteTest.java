package io.privacygate.audit.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointNoteTest {

    @Test
    void hasThreeLinesEachEndingInANewline() {
        CheckpointNote note = new CheckpointNote("example.org/log", 7, MerkleHash.empty());
        assertThat(note.text()).isEqualTo("example.org/log\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(CheckpointNote.parse(note.text())).isEqualTo(note);
    }

    /** Go's {@code sumdb/tlog} TestFormatTree golden: the root is RecordHash("hello world") = SHA-256(0x00 ‖ "hello world"). */
    @Test
    void writesGosGoldenTreeNote() {
        String golden = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
        CheckpointNote note = new CheckpointNote("go.sum database tree", 123456789012L,
                MerkleHash.leaf("hello world".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(note.text()).isEqualTo(golden);
        assertThat(CheckpointNote.parse(golden)).isEqualTo(note);
    }

    /** The example of c2sp.org/tlog-checkpoint. */
    @Test
    void readsTheC2spExample() {
        CheckpointNote note = CheckpointNote.parse("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(note.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(note.treeSize()).isEqualTo(20852163);
    }

    @Test
    void refusesMalformedNotes() {
        String root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        for (String text : new String[]{"o\n7\n" + root, "o\n07\n" + root + "\n", "o\n-1\n" + root + "\n",
                "o\n7\n" + root + "\nextra\n", "\n7\n" + root + "\n", "o\n7\nAAAA\n", "o\n7\n!!\n"}) {
            assertThatThrownBy(() -> CheckpointNote.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

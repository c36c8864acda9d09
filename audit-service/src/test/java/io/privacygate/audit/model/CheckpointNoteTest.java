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

    @Test
    void refusesMalformedNotes() {
        String root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        for (String text : new String[]{"o\n7\n" + root, "o\n07\n" + root + "\n", "o\n-1\n" + root + "\n",
                "o\n7\n" + root + "\nextra\n", "\n7\n" + root + "\n", "o\n7\nAAAA\n", "o\n7\n!!\n"}) {
            assertThatThrownBy(() -> CheckpointNote.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package org.depthlab.lab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsOneLineWithFractionRateAndRemainingTime() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.start("figure 7", 4);
        bar.advance(1);
        bar.advance(3);
        bar.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = out.split("\n", -1);
        assertEquals(2, lines.length, "one line, ended once by finish: " + out);
        String last = lines[0].substring(lines[0].lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("figure 7"), last);
        assertTrue(last.contains("100%") && last.contains("4/4"), last);
        assertTrue(last.contains("/s") && last.contains("eta"), last);
        assertTrue(out.contains("\r"), "redrawn in place with carriage returns");
    }

    @Test
    void staysQuietWithoutATerminal() {
        // surefire runs tests without a console, as CI and redirected runs do
        if (System.console() == null) {
            assertSame(Progress.NONE, ProgressBar.forTerminal());
        } else {
            assertFalse(System.getenv("CI") != null
                    && ProgressBar.forTerminal() != Progress.NONE, "CI set: no bar");
        }
    }
}

package org.depthlab.lab.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.depthlab.lab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code depthlab limit} through {@link Main}: a small run writes the four files; every bad
 * value gets one line on stderr naming the option, the value and the rule, exit status 2, and
 * no output.
 */
class LimitCommandTest {

    /** A run of a fraction of a second. */
    private static final String[] SMALL = {"limit", "--width", "3", "--depths", "4,8",
        "--paths", "4", "--bootstrap", "20", "--input-dim", "5", "--seed", "3"};

    @TempDir
    Path dir;

    private record Outcome(int code, String err, String out) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Outcome(code, err.toString(), out.toString());
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @Test
    void writesTheFourFiles() throws IOException {
        Path out = dir.resolve("run");
        Outcome o = run(concat(SMALL, "--kind", "ode", "--out", out.toString()));
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        for (String f : new String[] {LimitFiles.ERRORS, LimitFiles.ORDER,
            LimitFiles.TRAJECTORIES, LimitFiles.CONFIG}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve(LimitFiles.CONFIG)).contains("\"reference_depth\""
                + " : 32"), "default reference depth is 4 x the largest depth");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(new String[] {"--depths", "8,24"}, "--depths"),
                Arguments.of(new String[] {"--depths", "8,16", "--reference-depth", "96"},
                        "--reference-depth"),
                Arguments.of(new String[] {"--kind", "fgn:0.4"}, "--kind"),
                Arguments.of(new String[] {"--kind", "fgn:1.0"}, "--kind"),
                Arguments.of(new String[] {"--kind", "fgn:0.5"}, "--kind"),
                Arguments.of(new String[] {"--width", "0"}, "--width"),
                Arguments.of(new String[] {"--depths", ""}, "--depths"),
                Arguments.of(new String[] {"--depths", "8,,16"}, "--depths"),
                Arguments.of(new String[] {"--paths", "1"}, "--paths"),
                Arguments.of(new String[] {"--block", "res3"}, "--block"),
                Arguments.of(new String[] {"--block", "res2"}, "--block"),
                Arguments.of(new String[] {"--kernel", "rbf:0.2"}, "--kernel"),
                Arguments.of(new String[] {"--kind", "ode", "--kernel", "uniform"}, "--kernel"),
                Arguments.of(new String[] {"--activation", "softplus"}, "--activation"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void badValueIsOneLineWithStatusTwo(String[] bad, String option) {
        Path out = dir.resolve("never");
        String[] args = concat(concat(new String[] {"limit", "--paths", "4", "--out",
            out.toString()}, bad));
        Outcome o = run(args);
        assertEquals(2, o.code(), o.err());
        String line = o.err().strip();
        assertFalse(line.contains("\n"), "one line: " + o.err());
        assertTrue(line.contains(option), line);
        assertEquals("", o.out());
        assertFalse(Files.exists(out), "nothing computed or written");
    }

    @Test
    void nonPowerOfTwoRatioNamesBothDepths() {
        Outcome o = run("limit", "--depths", "8,16", "--reference-depth", "96", "--out",
                dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("96") && o.err().contains("8"), o.err());
    }

    @Test
    void outputThatIsAFileIsRejectedBeforeComputing() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Outcome o = run(concat(SMALL, "--out", file.toString()));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--out"), o.err());
    }
}

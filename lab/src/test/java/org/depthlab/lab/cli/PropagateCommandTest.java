package org.depthlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code depthlab propagate} through {@link Main}: the CSV layout, determinism across thread
 * counts, one-line errors with status 2 for every bad value, and no crash on overflow.
 */
class PropagateCommandTest {

    private static final String HEADER =
            "sample,input,depth,beta,hidden_ratio,hidden_diff,grad_ratio,grad_diff";
    private static final int SAMPLES = 7;
    private static final int INPUTS = 3;
    private static final int DEPTH = 30;
    /** A small network: the whole class runs in about a second. */
    private static final String[] SMALL = {"propagate", "--width", "8", "--depth",
        String.valueOf(DEPTH), "--input-dim", "6", "--samples", String.valueOf(SAMPLES),
        "--inputs-per-network", String.valueOf(INPUTS)};
    /**
     * A value no non-exploding network reaches: at beta = 0 and depth 3000, E|h_L|^2/|h_0|^2 =
     * 1.5^3000 = 1e528, so |h_L|/|h_0| is about 1e250 or overflows.
     */
    private static final double HUGE = 1e100;

    @TempDir
    Path dir;

    /** Exit status and what went to the command line's err and out writers. */
    private record Result(int code, String err, String out) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Result(code, err.toString(), out.toString());
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** Runs propagate with --out and returns the bytes of the file. */
    private byte[] csv(String name, String... args) throws IOException {
        Path out = dir.resolve(name);
        Result r = run(with(args, "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "a successful run writes nothing on stderr");
        return Files.readAllBytes(out);
    }

    @Test
    void csvHasTheHeaderAndOneRowPerNetworkAndInput() throws IOException {
        String text = new String(csv("a.csv", with(SMALL, "--seed", "5", "--beta", "0.75")),
                StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(HEADER, lines.get(0));
        assertEquals(PropagateCommand.HEADER, HEADER);
        assertEquals(SAMPLES * INPUTS, lines.size() - 1, "rows = samples x inputs per network");
        int row = 0;
        for (int s = 0; s < SAMPLES; s++) {
            for (int i = 0; i < INPUTS; i++) {
                String[] f = lines.get(1 + row++).split(",", -1);
                assertEquals(8, f.length, "columns of row " + row);
                assertEquals(String.valueOf(s), f[0], "sample column, (sample, input) order");
                assertEquals(String.valueOf(i), f[1], "input column, (sample, input) order");
                assertEquals(String.valueOf(DEPTH), f[2]);
                assertEquals(0.75, Double.parseDouble(f[3]));
                for (int c = 4; c < 8; c++) {
                    double v = Double.parseDouble(f[c]);
                    assertTrue(Double.isFinite(v) && v >= 0, "column " + c + " = " + f[c]);
                }
            }
        }
    }

    @Test
    void outputDoesNotDependOnTheThreadCount() throws IOException {
        byte[] one = csv("t1.csv", with(SMALL, "--seed", "11", "--threads", "1"));
        byte[] two = csv("t2.csv", with(SMALL, "--seed", "11", "--threads", "2"));
        byte[] three = csv("t3.csv", with(SMALL, "--seed", "11", "--threads", "3"));
        assertArrayEquals(one, two, "--threads 1 vs 2");
        assertArrayEquals(one, three, "--threads 1 vs 3");
    }

    @Test
    void anotherSeedGivesAnotherOutputAndTheSameSeedTheSame() throws IOException {
        byte[] a = csv("s11.csv", with(SMALL, "--seed", "11", "--threads", "1"));
        byte[] again = csv("s11b.csv", with(SMALL, "--seed", "11", "--threads", "1"));
        byte[] b = csv("s12.csv", with(SMALL, "--seed", "12", "--threads", "1"));
        assertArrayEquals(a, again);
        assertFalse(java.util.Arrays.equals(a, b), "seeds 11 and 12 give the same file");
    }

    @Test
    void withoutOutTheCsvGoesToStandardOutput() throws IOException {
        byte[] file = csv("f.csv", with(SMALL, "--seed", "3", "--threads", "2"));
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // the command binds System.out when it is built, so build it after redirecting
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(with(SMALL, "--seed", "3", "--threads", "2"));
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code, err.toString());
        assertArrayEquals(file, captured.toByteArray());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("--block", "res9"),
                Arguments.of("--activation", "foo"),
                Arguments.of("--init", "bar"),
                Arguments.of("--width", "0"),
                Arguments.of("--depth", "0"),
                Arguments.of("--samples", "0"),
                Arguments.of("--inputs-per-network", "0"),
                Arguments.of("--threads", "0"),
                Arguments.of("--beta", "NaN"),
                Arguments.of("--beta", "Infinity"),
                Arguments.of("--init", "fgn:1.5"),
                Arguments.of("--init", "fgn:0"),
                Arguments.of("--init", "rbf:-0.1"),
                Arguments.of("--init", "rbf:0"),
                Arguments.of("--width", "abc"),
                Arguments.of("--outer-init", "xavier"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badValues")
    void badValueGivesOneLineAndStatusTwoAndNoFile(String option, String value)
            throws IOException {
        Path out = dir.resolve("never.csv");
        // a small run, with the bad value replacing the small one where both name one option
        List<String> args = new ArrayList<>(List.of("propagate"));
        String[][] small = {{"--width", "8"}, {"--depth", "20"}, {"--samples", "2"}};
        for (String[] pair : small) {
            if (!pair[0].equals(option)) {
                args.addAll(List.of(pair));
            }
        }
        args.addAll(List.of(option, value, "--out", out.toString()));
        Result r = run(args.toArray(new String[0]));
        assertOneLineError(r, option, value);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "a failed run leaves no file");
        }
    }

    @Test
    void unwritableOutGivesOneLineAndStatusTwo() {
        String out = "/nonexistent-dir/x.csv";
        Result r = run("propagate", "--width", "8", "--depth", "20", "--samples", "2", "--out",
                out);
        assertOneLineError(r, "--out", out);
        assertFalse(Files.exists(Path.of(out)));
    }

    private static void assertOneLineError(Result r, String option, String value) {
        assertEquals(Main.BAD_INPUT, r.code(), "exit status; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "exactly one line on stderr: " + r.err());
        String line = lines.get(0);
        assertTrue(line.contains(option), "names the option " + option + ": " + line);
        assertTrue(line.contains(value), "names the value " + value + ": " + line);
        assertFalse(line.contains("at org.") || line.contains("Exception"),
                "no stack trace or exception name: " + line);
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void explodingNetworkExitsZeroWithHugeOrInfiniteValues() throws IOException {
        String text = new String(csv("explode.csv", "propagate", "--beta", "0", "--depth",
                "3000", "--width", "40", "--input-dim", "8", "--samples", "2", "--threads", "2"),
                StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>(text.lines().toList());
        assertEquals(HEADER, rows.remove(0));
        assertEquals(2, rows.size());
        for (String row : rows) {
            String[] f = row.split(",");
            for (int c = 4; c < 8; c++) {
                double v = Double.parseDouble(f[c]);
                assertTrue(v > HUGE, "exploding network, column " + c + " = " + f[c]);
            }
        }
    }

    /** Depth 5000 at beta = 0 overflows doubles (1.5^5000 = 1e880): written as Infinity. */
    @Test
    void overflowIsWrittenAsInfinity() throws IOException {
        String text = new String(csv("overflow.csv", "propagate", "--beta", "0", "--depth",
                "5000", "--width", "40", "--input-dim", "8", "--samples", "1"),
                StandardCharsets.UTF_8);
        String[] f = text.lines().toList().get(1).split(",");
        assertEquals("Infinity", f[4], "hidden_ratio");
        assertEquals("Infinity", f[5], "hidden_diff");
        assertFalse(text.contains("NaN"), "overflow is Infinity, never NaN: " + text);
    }
}

package org.depthlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.depthlab.lab.sweep.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The spark-submit entry point: bad input is refused before Spark starts; a run writes what
 * {@code depthlab figure} writes. It starts its own Spark context, so it must not overlap
 * {@link SparkSweepTest} (test classes run one after the other).
 */
class SparkFiguresTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cl = SparkFigures.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void badInputExitsWithStatusTwoAndOneLine() {
        StringWriter err = new StringWriter();
        assertEquals(SparkFigures.BAD_INPUT, run(err, "6"));
        assertTrue(err.toString().contains("figure '6' is not a sweep"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());

        StringWriter preset = new StringWriter();
        assertEquals(SparkFigures.BAD_INPUT, run(preset, "1", "--preset", "huge"));
        assertTrue(preset.toString().contains("unknown preset 'huge'"), preset.toString());

        StringWriter slices = new StringWriter();
        assertEquals(SparkFigures.BAD_INPUT, run(slices, "1", "--slices", "-1"));
        assertTrue(slices.toString().contains("--slices -1"), slices.toString());
    }

    @Test
    void writesTheFigureAndTheReport(@TempDir Path dir) throws IOException {
        StringWriter err = new StringWriter();
        int status = run(err, "1", "--out", dir.toString(), "--master", "local[2]",
                "--slices", "4", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=localhost",
                "--conf", "spark.driver.bindAddress=127.0.0.1");
        assertEquals(0, status, err.toString());
        assertTrue(err.toString().startsWith("figure 1 on local[2]"), err.toString());
        Table data = Table.read(dir.resolve("fig1/data.csv"), Set.of());
        assertEquals(600, data.rows().size(), "10 depths x 20 draws x 3 beta");
        assertTrue(Files.size(dir.resolve("report.html")) > 0, "report written");
        String config = Files.readString(dir.resolve("fig1/config.json"),
                StandardCharsets.UTF_8);
        assertTrue(config.contains("spark-submit --master local[2]"), config);
    }
}

package org.depthlab.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.depthlab.lab.figure.FigureContext;
import org.depthlab.lab.figure.FigureOutput;
import org.depthlab.lab.figure.Figures;
import org.depthlab.lab.figure.Preset;
import org.depthlab.lab.figure.SweptFigure;
import org.depthlab.lab.report.Report;
import org.depthlab.lab.sweep.ProgressBar;
import org.depthlab.lab.sweep.Sweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class org.depthlab.spark.SparkFigures depthlab-spark.jar N}: one swept
 * figure of the paper (1 to 5 or 7) with its cells computed on Spark, written exactly as
 * {@code depthlab figure N} writes it (DIR/figN/ and DIR/report.html).
 */
@Command(name = "depthlab-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a figure's sweep on Apache Spark and write DIR/figN/ (data.csv,"
                + " summary.csv, plots, config.json) and DIR/report.html; the data are"
                + " identical to 'depthlab figure N'. A failed cell leaves the others kept in"
                + " DIR/figN/.cells/; a rerun (here or with depthlab figure) computes only the"
                + " missing ones."})
public final class SparkFigures implements Callable<Integer> {

    /** Exit status for a bad value on the command line, as {@code depthlab}'s. */
    static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "N", description = "Figure: 1, 2, 3, 4, 5 or 7.")
    String figure;

    @Option(names = "--preset", defaultValue = "quick", paramLabel = "P",
            description = "quick or paper (the full grid). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Root seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
            description = "Run directory on the driver's file system. Default: ${DEFAULT-VALUE}.")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master. Default: spark.master from spark-submit or the Spark"
                    + " configuration, else local[*].")
    String master;

    @Option(names = "--slices", defaultValue = "0", paramLabel = "N",
            description = "Partitions of the job (at most one per cell); 0: "
                    + SparkSweep.SLICES_PER_CORE + " per core of the default parallelism."
                    + " Does not change the results.")
    int slices;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting on top of spark-submit's (repeatable), e.g."
                    + " spark.ui.enabled=false.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String id = figure.trim();
        Figures.swept(id); // bad input fails before Spark starts
        Preset p = Preset.parse(preset);
        if (slices < 0) {
            throw new IllegalArgumentException("--slices " + slices + ": must be >= 0");
        }
        Path dir = Path.of(out).toAbsolutePath();
        Files.createDirectories(dir);

        SparkConf conf = new SparkConf().setAppName("depthlab figure " + id);
        settings.forEach(conf::set);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            String command = String.format(Locale.ROOT, "spark-submit --master %s --class %s"
                    + " depthlab-spark.jar %s --preset %s --seed %d", spark.master(),
                    SparkFigures.class.getName(), id, p.spec(), seed);
            SweptFigure f = Figures.swept(id);
            FigureContext ctx = new FigureContext(p, seed, dir.resolve(Figures.directory(f)),
                    spark.defaultParallelism(), ProgressBar.forTerminal(), command);
            FigureOutput o = new SparkSweep(spark, slices).runFigure(id, ctx);
            Report.describe(o);
            Path report = Report.write(dir, "depthlab report");
            spec.commandLine().getErr().printf(Locale.ROOT,
                    "figure %s on %s: %.1f s, wrote %s and %s%n", id, spark.master(),
                    o.seconds(), o.dir(), report);
        }
        return 0;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** The command line: one-line errors with status 2 for bad input. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SparkFigures());
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(ex.getCommandLine().getCommandSpec().name()
                    + ": " + String.valueOf(ex.getMessage()).replace('\n', ' ') + " (see --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            String name = c.getCommandSpec().qualifiedName();
            if (ex instanceof IllegalArgumentException) {
                err.println(name + ": " + String.valueOf(ex.getMessage()).replace('\n', ' '));
                return BAD_INPUT;
            }
            if (ex instanceof Sweep.CellsFailed) {
                err.println(name + ": " + ex.getMessage());
                if (ex.getCause() != null) {
                    ex.getCause().printStackTrace(err);
                }
                err.flush();
                return 1;
            }
            if (ex instanceof IOException) {
                err.println(name + ": I/O error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl;
    }
}

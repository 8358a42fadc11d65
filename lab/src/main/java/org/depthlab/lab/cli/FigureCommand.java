package org.depthlab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.depthlab.lab.figure.Figure;
import org.depthlab.lab.figure.FigureContext;
import org.depthlab.lab.figure.FigureOutput;
import org.depthlab.lab.figure.Figures;
import org.depthlab.lab.figure.Preset;
import org.depthlab.lab.report.Report;
import org.depthlab.lab.sweep.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code depthlab figure N}: one figure of the paper, its data, plots and report entry. */
@Command(name = "figure", sortOptions = false,
        description = {"Reproduce one figure of the paper at initialization (1 to 7) into"
                + " DIR/figN/: data.csv, summary.csv, figN.png, figN.svg, config.json; then"
                + " refresh DIR/report.html. limit-sde, limit-ode and limit-fgn write the"
                + " continuous-depth limit studies into DIR/limit-*/.",
            "1, 3: hidden/gradient difference ratios against depth, i.i.d. weights; 2: their"
                + " histograms at beta = 1/2; 4, 5: as 1, 3 with rbf:0.1 weights; 6: fBm"
                + " paths; 7: heatmaps over (beta, H) with fGn weights and the boundary."})
public final class FigureCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "N",
            description = "Figure: 1 to 7, limit-sde, limit-ode or limit-fgn.")
    String number;

    @Option(names = "--preset", defaultValue = "quick", paramLabel = "P",
            description = "quick (a minute or two) or paper (the full grid). "
                    + "Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
            description = "Run directory. Default: ${DEFAULT-VALUE}.")
    String out;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Root seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Does not change the results.")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        Map<String, Figure> figures = Figures.all();
        Figure figure = figures.get(number.trim());
        if (figure == null) {
            throw new BadOption("N", number, "expected a figure number in "
                    + String.join(", ", figures.keySet()));
        }
        Preset p = presetOf(preset);
        int t = threadsOf(threads);
        Path dir = runDirectory(out);
        String command = String.format(Locale.ROOT, "depthlab figure %s --preset %s --seed %d",
                figure.id(), p.spec(), seed);
        FigureOutput o = figure.run(new FigureContext(p, seed,
                dir.resolve(Figures.directory(figure)),
                t, ProgressBar.forTerminal(), command));
        Report.describe(o);
        Path report = Report.write(dir, "depthlab report");
        System.err.printf(Locale.ROOT, "figure %s: %.1f s, wrote %s and %s%n", figure.id(),
                o.seconds(), o.dir(), report);
        return 0;
    }

    static Preset presetOf(String text) {
        try {
            return Preset.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--preset", text, "expected quick | paper");
        }
    }

    static int threadsOf(Integer threads) {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        NetworkOptions.atLeastOne("--threads", t);
        return t;
    }

    /** Creates the run directory or fails with a one-line message naming it. */
    static Path runDirectory(String out) {
        Path dir = Path.of(out).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new BadOption("--out", out, "cannot create the directory (" + e.getMessage()
                    + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new BadOption("--out", out, "is not writable");
        }
        return dir;
    }
}

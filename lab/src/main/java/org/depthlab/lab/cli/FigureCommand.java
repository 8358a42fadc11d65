package org.depthlab.lab.cli;

import java.io.IOException;
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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        Map<String, Figure> figures = Figures.all();
        Figure figure = figures.get(number.trim());
        if (figure == null) {
            throw new BadOption("N", number, "expected a figure number in "
                    + String.join(", ", figures.keySet()));
        }
        Preset p = run.preset();
        long seed = run.seed();
        int t = run.threads();
        Path dir = run.directory();
        String rerun = String.format(Locale.ROOT, "depthlab figure %s --preset %s --seed %d",
                figure.id(), p.spec(), seed);
        FigureOutput o = figure.run(new FigureContext(p, seed,
                dir.resolve(Figures.directory(figure)),
                t, ProgressBar.forTerminal(), rerun));
        Report.describe(o);
        Path report = Report.write(dir, "depthlab report");
        command.commandLine().getErr().printf(Locale.ROOT, "figure %s: %.1f s, wrote %s and"
                + " %s%n", figure.id(), o.seconds(), o.dir(), report);
        command.commandLine().getErr().flush();
        return 0;
    }
}

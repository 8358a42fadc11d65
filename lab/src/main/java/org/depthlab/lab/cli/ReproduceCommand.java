package org.depthlab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/** {@code depthlab reproduce}: every figure, then the report. */
@Command(name = "reproduce", sortOptions = false,
        description = "Reproduce every figure of the paper at initialization (1 to 7) and the"
                + " continuous-depth limit studies (limit-sde, limit-ode, limit-fgn) into DIR"
                + " and write DIR/report.html. A figure that fails is reported and the others"
                + " still run; a rerun resumes unfinished sweeps.")
public final class ReproduceCommand implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        Preset p = run.preset();
        long seed = run.seed();
        int t = run.threads();
        Path dir = run.directory();
        PrintWriter err = command.commandLine().getErr();
        List<String> failed = new ArrayList<>();
        long started = System.nanoTime();
        for (Figure figure : Figures.all().values()) {
            String command = String.format(Locale.ROOT,
                    "depthlab figure %s --preset %s --seed %d", figure.id(), p.spec(), seed);
            try {
                FigureOutput o = figure.run(new FigureContext(p, seed,
                        dir.resolve(Figures.directory(figure)), t, ProgressBar.forTerminal(),
                        command));
                Report.describe(o);
                err.printf(Locale.ROOT, "figure %s: %.1f s%n", figure.id(), o.seconds());
            } catch (IOException | RuntimeException e) {
                failed.add(figure.id());
                err.printf(Locale.ROOT, "figure %s failed: %s%n", figure.id(), e);
            }
        }
        Path report = Report.write(dir, "depthlab report — " + p.spec() + " preset");
        err.printf(Locale.ROOT, "reproduce: %.1f s in all, report: %s%n",
                (System.nanoTime() - started) * 1e-9, report);
        if (!failed.isEmpty()) {
            err.println("reproduce: figures " + String.join(", ", failed)
                    + " failed; rerun to resume them");
            err.flush();
            return 1;
        }
        err.flush();
        return 0;
    }
}

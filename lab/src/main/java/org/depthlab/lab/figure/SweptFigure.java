package org.depthlab.lab.figure;

import java.io.IOException;
import java.nio.file.Files;
import org.depthlab.lab.sweep.Sweep;
import org.depthlab.lab.sweep.Table;

/**
 * A figure whose numbers come from one sweep: {@link #plan} says which cells to compute,
 * {@link #finish} turns the assembled rows into files, plots and findings. Any executor that
 * computes the plan's cells and assembles their rows in cell order (the local {@link Sweep} of
 * {@link #run}, or a Spark job) then calls {@link #finish} and gets the same outputs.
 */
public interface SweptFigure extends Figure {

    /**
     * The figure's sweep at a preset and root seed: a function of these two values only, so
     * that it can be rebuilt anywhere from them (no file, clock or environment is read).
     */
    CellPlan plan(Preset preset, long seed);

    /**
     * Everything after the sweep: writes {@code config.json}, {@code data.csv},
     * {@code summary.csv} and the plots into {@code ctx.dir()} (created if absent) and returns
     * the report entry. {@code data} holds the rows of every cell of {@code plan}, in cell
     * order; it is read only. The returned {@code seconds} covers this step alone; runners
     * replace it with the wall time of the whole run.
     */
    FigureOutput finish(FigureContext ctx, CellPlan plan, Table data) throws IOException;

    /**
     * Runs the plan on local threads, resuming from the cells kept in {@code ctx.dir()}, then
     * {@link #finish}es; the kept cells are deleted once the outputs are written.
     *
     * @throws Sweep.CellsFailed if a cell failed; the finished cells are kept for a rerun
     */
    @Override
    default FigureOutput run(FigureContext ctx) throws IOException {
        long started = System.nanoTime();
        CellPlan plan = plan(ctx.preset(), ctx.seed());
        Files.createDirectories(ctx.dir());
        Sweep sweep = new Sweep(ctx.dir(), plan.fingerprint(), ctx.threads(), ctx.progress());
        Table data = sweep.run(plan.task(), plan.cells(), plan.layout(), plan::compute);
        FigureOutput output = finish(ctx, plan, data);
        sweep.clean();
        return output.withSeconds((System.nanoTime() - started) * 1e-9);
    }
}

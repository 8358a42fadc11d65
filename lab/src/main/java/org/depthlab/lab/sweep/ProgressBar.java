package org.depthlab.lab.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: fraction done, rate and remaining time, redrawn at most
 * ten times a second. Quiet when standard error is not a terminal or the {@code CI} environment
 * variable is set ({@link #forTerminal()}).
 */
public final class ProgressBar implements Progress {

    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private String task = "";
    private long total;
    private long done;
    private long startNanos;
    private long lastDraw;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar on standard error when it is a terminal and CI is unset, else {@link #NONE}. */
    public static Progress forTerminal() {
        if (System.console() == null || System.getenv("CI") != null) {
            return NONE;
        }
        return new ProgressBar(System.err);
    }

    @Override
    public synchronized void start(String name, long units) {
        this.task = name;
        this.total = Math.max(units, 1);
        this.done = 0;
        this.startNanos = System.nanoTime();
        this.lastDraw = 0;
        draw(true);
    }

    @Override
    public synchronized void advance(long n) {
        done += n;
        draw(done >= total);
    }

    @Override
    public synchronized void finish() {
        draw(true);
        out.print('\n');
        out.flush();
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double frac = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(frac * WIDTH);
        double secs = (now - startNanos) * 1e-9;
        double rate = secs > 0 ? done / secs : 0;
        String eta = rate > 0 && done < total ? clock((total - done) / rate) : "--:--";
        out.printf(Locale.ROOT, "\r%-22s [%s%s] %3.0f%% %d/%d  %.1f/s  eta %s  ",
                task, "#".repeat(filled), " ".repeat(WIDTH - filled), 100 * frac, done, total,
                rate, eta);
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}

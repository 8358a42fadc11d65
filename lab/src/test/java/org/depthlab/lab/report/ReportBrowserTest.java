package org.depthlab.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.depthlab.lab.figure.FbmPathsFigure;
import org.depthlab.lab.figure.FigureContext;
import org.depthlab.lab.figure.FigureOutput;
import org.depthlab.lab.figure.Preset;
import org.depthlab.lab.sweep.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a real report in headless Chromium and checks, from the DOM the browser built, that
 * every embedded image decoded. Runs wherever Chromium is installed; under CI (the {@code CI}
 * variable set) a missing Chromium is a failure, not a skip, since .ci/run installs it.
 */
class ReportBrowserTest {

    /** Generous limit for a cold Chromium start on a busy two-core machine. */
    private static final long BROWSER_TIMEOUT_SECONDS = 90;

    private static Path chromium() {
        for (String c : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    @Test
    void reportRendersWithEveryImageDecodedInChromium(@TempDir Path dir) throws Exception {
        Path browser = chromium();
        if (System.getenv("CI") != null) {
            assertTrue(browser != null, "CI must install chromium (see .ci/run)");
        }
        assumeTrue(browser != null, "chromium is not installed");

        FigureOutput out = new FbmPathsFigure().run(new FigureContext(Preset.QUICK, 3,
                dir.resolve("fig6"), 1, Progress.NONE, "depthlab figure 6"));
        Report.describe(out);
        Path report = Report.write(dir, "browser test");

        String dom = dumpDom(browser, report, dir);
        assertTrue(dom.contains("<h2>Figure 6"), "the figure's heading is in the rendered DOM");
        Matcher ok = Pattern.compile("data-images-ok=\"(\\d+)\"").matcher(dom);
        Matcher total = Pattern.compile("data-images-total=\"(\\d+)\"").matcher(dom);
        assertTrue(ok.find() && total.find(), "the page script ran and marked the body");
        assertEquals(1, Integer.parseInt(total.group(1)), "one image embedded");
        assertEquals(total.group(1), ok.group(1), "every embedded image decoded");
    }

    private static String dumpDom(Path browser, Path page, Path dir)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=5000",
                "--dump-dom", page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.err").toFile())
                .start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), () -> "chromium exit status; stderr: "
                + readQuietly(dir.resolve("chromium.err")));
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}

package org.depthlab.lab.cli;

import java.io.PrintWriter;
import org.depthlab.lab.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code depthlab} command line. */
@Command(name = "depthlab", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Residual networks in the large-depth regime: scaling alpha = L^-beta,"
                + " weight laws along depth, propagation at initialization.",
        subcommands = {PropagateCommand.class, CriticalCommand.class, ExportCommand.class,
            FigureCommand.class,
            ReproduceCommand.class, LimitCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for a bad value on the command line. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (no {@code System.exit}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: one-line errors with status 2 for bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println(c.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage())
                    + " (see --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (ex instanceof BadOption || ex instanceof IllegalArgumentException) {
                err.println(c.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            if (ex instanceof java.io.IOException) {
                err.println(c.getCommandSpec().qualifiedName() + ": I/O error: "
                        + oneLine(String.valueOf(ex.getMessage())));
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Prints the version and the runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"depthlab " + Provenance.version(),
                "Java " + Provenance.runtime()};
        }
    }
}

package org.depthlab.lab.cli;

/**
 * A command-line value that breaks a rule. Its message names the option, the value and the
 * rule; the command line prints it as one line and exits with status 2.
 */
public final class BadOption extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadOption(String option, Object value, String rule) {
        super(option + " " + value + ": " + rule);
    }
}

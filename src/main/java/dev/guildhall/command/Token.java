package dev.guildhall.command;

/** One word of a command, with where it stood in the text so free text after it can be taken verbatim. */
public record Token(String value, boolean quoted, int start, int end) {
    public boolean isOption() {
        return !quoted && value.startsWith("--") && value.length() > 2;
    }
}

package dev.guildhall.command;

/**
 * Bad input from a person. The message is shown to them as it is, so it must say what to type instead; throwing it
 * rolls back the command's transaction, so bad input changes nothing.
 */
public class UsageException extends RuntimeException {
    public UsageException(String friendlyMessage) {
        super(friendlyMessage);
    }

    /**
     * The same refusal with the person's own text after it, for a refusal of something typed in a box that is gone
     * once pressed: they copy it from here instead of typing it again. Only for replies the person alone sees.
     */
    public UsageException handingBack(String typed) {
        if (typed == null || typed.isBlank()) {
            return this;
        }
        return new UsageException(getMessage() + "\n\nWhat you typed, to copy (kept nowhere):\n" + typed.strip());
    }
}

package dev.guildhall.command;

/**
 * Bad input from a person. The message is shown to them as it is, so it must say what to type instead; throwing it
 * rolls back the command's transaction, so bad input changes nothing.
 */
public class UsageException extends RuntimeException {
    public UsageException(String friendlyMessage) {
        super(friendlyMessage);
    }
}

package dev.guildhall.config;

/** A setting is missing or wrong; the message names the variable and says what it should look like. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

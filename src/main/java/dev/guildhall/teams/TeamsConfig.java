package dev.guildhall.teams;

import dev.guildhall.config.ConfigException;
import dev.guildhall.config.Env;

import java.util.Map;
import java.util.Optional;

/**
 * Teams settings. The adapter runs when MICROSOFT_APP_ID is set, or in local development with GUILDHALL_TEAMS_DEV=true
 * and no app id (then nothing is authenticated: never for production).
 */
public record TeamsConfig(String appId, String appPassword, Optional<String> tenantId, boolean development) {
    public static final String APP_ID = "MICROSOFT_APP_ID";
    public static final String APP_PASSWORD = "MICROSOFT_APP_PASSWORD";
    public static final String TENANT_ID = "MICROSOFT_APP_TENANT_ID";
    public static final String DEV = "GUILDHALL_TEAMS_DEV";

    /** Empty when Teams is not configured at all. */
    public static Optional<TeamsConfig> from(Map<String, String> env) {
        Optional<String> appId = Env.value(env, APP_ID);
        Optional<String> dev = Env.value(env, DEV);
        boolean development = dev.map(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new ConfigException(DEV + " must be true or false; got " + v);
            }
            return v.equalsIgnoreCase("true");
        }).orElse(false);
        if (appId.isEmpty()) {
            return development ? Optional.of(new TeamsConfig("", "", Optional.empty(), true)) : Optional.empty();
        }
        if (development) {
            throw new ConfigException(DEV + "=true is only for running without " + APP_ID
                    + " (no authentication); unset one of them.");
        }
        String password = Env.value(env, APP_PASSWORD).orElseThrow(() -> new ConfigException(
                APP_PASSWORD + " is missing: " + APP_ID + " is set, and the bot needs the password (client secret)"
                        + " registered with it."));
        return Optional.of(new TeamsConfig(appId.get(), password, Env.value(env, TENANT_ID), false));
    }
}

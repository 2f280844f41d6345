package dev.guildhall.slack;

import dev.guildhall.config.ConfigException;
import dev.guildhall.config.Env;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack app's credentials, from the environment. Over HTTP the bot needs the bot token and the signing secret;
 * over Socket Mode the bot token and an app-level token.
 */
public record SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                            String apiUrl) {
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /** How the bot hears from Slack. */
    public enum Mode { HTTP, SOCKET }

    public static SlackSettings from(Map<String, String> env) {
        String botToken = Env.value(env, BOT_TOKEN).orElseThrow(() -> new ConfigException(BOT_TOKEN
                + " is not set. Copy the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions"
                + " page."));
        if (!botToken.startsWith("xoxb-") || botToken.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(BOT_TOKEN + " must be a bot token starting with xoxb- (the Bot User OAuth"
                    + " Token on your Slack app's OAuth & Permissions page); got one starting with \""
                    + botToken.substring(0, Math.min(5, botToken.length())) + "\".");
        }
        Optional<String> secret = Env.value(env, SIGNING_SECRET);
        if (secret.isPresent() && secret.get().chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(SIGNING_SECRET + " contains spaces. Copy the Signing Secret from your Slack"
                    + " app's Basic Information page as it is.");
        }
        Optional<String> appToken = Env.value(env, APP_TOKEN);
        if (appToken.isPresent() && (!appToken.get().startsWith("xapp-")
                || appToken.get().chars().anyMatch(Character::isWhitespace))) {
            throw new ConfigException(APP_TOKEN + " must be an app-level token starting with xapp- (Basic Information"
                    + " → App-Level Tokens, with the connections:write scope).");
        }
        return new SlackSettings(botToken, secret, appToken, apiUrl(Env.value(env, API_URL).orElse(DEFAULT_API_URL)));
    }

    static String apiUrl(String raw) {
        try {
            URI uri = new URI(raw);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(raw, "not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(API_URL + " must be the http(s) URL of the Slack Web API, like "
                    + DEFAULT_API_URL + "; got " + raw);
        }
        return raw.endsWith("/") ? raw : raw + "/";
    }

    /** {@code serve} is HTTP when a signing secret is given, else Socket Mode; {@code socket} is Socket Mode. */
    public Mode mode(boolean socketRequested) {
        if (socketRequested) {
            if (appToken.isEmpty()) {
                throw new ConfigException(APP_TOKEN + " is not set. Socket Mode needs an app-level token (xapp-…):"
                        + " Basic Information → App-Level Tokens, with the connections:write scope.");
            }
            return Mode.SOCKET;
        }
        if (signingSecret.isPresent()) {
            return Mode.HTTP;
        }
        if (appToken.isPresent()) {
            return Mode.SOCKET;
        }
        throw new ConfigException(SIGNING_SECRET + " is not set. Copy the Signing Secret from your Slack app's"
                + " Basic Information page (or set " + APP_TOKEN + " to run over Socket Mode instead).");
    }

    @Override
    public String toString() {
        // Never print the secrets.
        return "SlackSettings[apiUrl=" + apiUrl + ", signingSecret=" + (signingSecret.isPresent() ? "set" : "unset")
                + ", appToken=" + (appToken.isPresent() ? "set" : "unset") + "]";
    }
}

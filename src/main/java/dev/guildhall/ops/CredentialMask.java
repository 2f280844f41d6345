package dev.guildhall.ops;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like a Slack or Teams credential, and the values of the secret variables, in a log line,
 * whatever logged it (a library's debug output, an exception quoting a request, the JDK's own logging).
 */
final class CredentialMask {
    static final String MASK = "[redacted]";
    private static final List<String> SECRET_VARIABLES = List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN",
            "SLACK_SIGNING_SECRET", "MICROSOFT_APP_PASSWORD", "GUILDHALL_DB_PASSWORD", "GUILDHALL_SESSION_SECRET");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]+"
                    + "|eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final List<String> secrets;

    CredentialMask(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    static CredentialMask fromEnvironment() {
        return new CredentialMask(secretsFrom(System.getenv()));
    }

    static List<String> secretsFrom(Map<String, String> env) {
        return SECRET_VARIABLES.stream().map(env::get).filter(v -> v != null && v.strip().length() >= 6)
                .map(String::strip).toList();
    }

    /**
     * The line with every credential replaced. A secret is looked for as it is and as JSON escapes it, so a JSON
     * line is masked too (the patterns hold no character JSON escapes).
     */
    String mask(String line) {
        String masked = CREDENTIAL.matcher(line).replaceAll(MASK);
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK).replace(LogLine.escape(secret), MASK);
        }
        return masked;
    }
}

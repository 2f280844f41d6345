package dev.guildhall.app;

import dev.guildhall.testing.EnvironmentNames;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** .env.example and the configuration table in docs/operations.md list exactly the variables the code reads. */
class ConfigurationDocsTest {
    @Test
    void everyVariableTheCodeReadsIsInEnvExampleAndNothingElse() {
        Set<String> read = EnvironmentNames.readByTheCode();

        assertThat(read).as("the scan finds the settings").contains("SLACK_BOT_TOKEN", "GUILDHALL_DB", "PORT",
                "MICROSOFT_APP_PASSWORD", "GUILDHALL_LOG_LEVEL", "LOG_FORMAT", "GUILDHALL_ADMINS");
        assertThat(EnvironmentNames.inEnvExample()).as(".env.example").isEqualTo(read);
    }

    @Test
    void theConfigurationTableListsTheSameVariablesAsEnvExample() {
        assertThat(EnvironmentNames.inConfigurationTable()).as("docs/operations.md configuration table")
                .isEqualTo(EnvironmentNames.inEnvExample());
    }

    @Test
    void envExampleIsGroupedAndEveryVariableHasAComment() {
        String example = EnvironmentNames.read(java.nio.file.Path.of(".env.example"));
        assertThat(example).contains("# --- Slack", "# --- Teams", "# --- Store", "# --- Server");
        String[] lines = example.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("[A-Z][A-Z0-9_]*=.*")) {
                assertThat(lines[i]).as("no value is filled in: " + lines[i]).endsWith("=");
                assertThat(lines[i - 1]).as("a comment above " + lines[i]).startsWith("#");
            }
        }
    }
}

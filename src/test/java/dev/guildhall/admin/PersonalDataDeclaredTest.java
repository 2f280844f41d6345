package dev.guildhall.admin;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.command.CommandRouter;
import dev.guildhall.command.PersonalData;
import dev.guildhall.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every column of every table says what forgetting a person does with it: a new table cannot slip through. */
class PersonalDataDeclaredTest {
    @TempDir
    Path dir;

    @Test
    void everyColumnOfEveryTableIsDeclaredAndEveryDeclarationNamesARealColumn() {
        // Given the migrated store and every capability registered
        Config config = Config.from(Map.of(Config.DB, dir.resolve("bot.db").toString()));
        CommandRouter router = new CommandRouter();
        Wiring.capabilities(config).forEach(capability -> capability.register(router));
        Map<String, List<StoreTables.Column>> tables;
        try (Database database = Wiring.open(config)) {
            tables = database.read(StoreTables::read);
        }

        // Then the columns in the store and the columns declared are the same, one for one
        TreeSet<String> inStore = tables.entrySet().stream().flatMap(table -> table.getValue().stream()
                .map(column -> table.getKey() + "." + column.name())).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> declared = router.personalData().stream().flatMap(table -> table.columns().keySet().stream()
                .map(column -> table.table() + "." + column)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).containsExactlyElementsOf(inStore);
    }

    @Test
    void textWrittenBySomeoneMustNameTheirPersonColumn() {
        PersonalData.Builder wrong = PersonalData.table("note").notPersonal("author").writtenBy("text", "author", "");

        org.assertj.core.api.Assertions.assertThatThrownBy(wrong::build)
                .hasMessageContaining("note: text is written by author, which is no person column");
    }
}

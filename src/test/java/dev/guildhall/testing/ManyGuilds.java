package dev.guildhall.testing;

import dev.guildhall.store.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hundreds of guilds at once, written straight into the store (creating them by command would take minutes). */
public final class ManyGuilds {
    private static final Pattern SLUG = Pattern.compile("\\((g\\d{3})\\)");

    private ManyGuilds() {
    }

    /** Guilds g001, g002… up to {@code last}, led by whoever created the one guild there already is. */
    public static void add(Database database, int last, String namePrefix) {
        database.inTransaction(handle -> {
            String lead = handle.createQuery("SELECT created_by FROM guild").mapTo(String.class).one();
            for (int i = 1; i <= last; i++) {
                handle.createUpdate("INSERT INTO guild (slug, name, created_by, created_at) VALUES (:slug, :name,"
                        + " :lead, 0)").bind("slug", String.format("g%03d", i)).bind("name", namePrefix + i)
                        .bind("lead", lead).execute();
            }
            return null;
        });
    }

    /** The guild slugs a listing shows, in order: "Guild 7 (g007)". */
    public static List<String> slugsIn(String listing) {
        List<String> slugs = new ArrayList<>();
        Matcher slug = SLUG.matcher(listing);
        while (slug.find()) {
            slugs.add(slug.group(1));
        }
        return slugs;
    }
}

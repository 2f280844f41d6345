package dev.guildhall.workinggroup;

import dev.guildhall.command.Args;
import dev.guildhall.command.FormSpec;
import dev.guildhall.command.FormValues;
import dev.guildhall.core.Form;
import dev.guildhall.core.Form.Field;
import dev.guildhall.core.Person;
import dev.guildhall.store.UnitOfWork;

import java.util.List;

/** The form of {@code /wg create <slug> --guild <guild> "<charter>" [--size N] [--until date]}. */
final class CreateForm extends FormSpec {
    static final String ID = "wg.create";

    CreateForm() {
        super(ID, "wg", "create", "slug");
    }

    @Override
    public boolean opensFor(Args typed) {
        return typed.size() < 2;
    }

    @Override
    public Form form(Person filler, UnitOfWork work) {
        List<GuildRef> guilds = new WgStore(work.handle()).guildsOf(filler.id());
        Field guild = Field.select("guild", "Guild", guilds.stream()
                .map(g -> new Form.Choice(g.slug(), g.name() + " (" + g.slug() + ")")).toList());
        return new Form(ID, "Start a working group", "Create it", List.of(
                Field.text("slug", "Short name", 32).withHint("Like: vpc — its channel will be #wg-vpc"),
                guilds.size() == 1 ? guild.withInitial(guilds.get(0).slug()) : guild,
                Field.longText("charter", "Charter", 300).withHint("What the group is for"),
                Field.number("size", "How many can join besides you", 1, GroupCommands.MAX_SIZE).optional()
                        .withInitial(String.valueOf(GroupCommands.DEFAULT_SIZE)),
                Field.date("until", "Finish by").optional()));
    }

    @Override
    public String commandText(FormValues values, Person filler, UnitOfWork work) {
        return Args.quoted(values.required("slug")) + " --guild " + Args.quoted(values.required("guild")) + " "
                + values.quoted("charter") + values.get("size").map(n -> " --size " + n).orElse("")
                + values.get("until").map(date -> " --until " + date).orElse("");
    }
}

package dev.guildhall.programme;

import dev.guildhall.command.Args;
import dev.guildhall.command.FormRejected;
import dev.guildhall.command.FormSpec;
import dev.guildhall.command.FormValues;
import dev.guildhall.core.Form;
import dev.guildhall.core.Form.Field;
import dev.guildhall.core.Person;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.store.UnitOfWork;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The form of {@code /check add "<module>" "<question>" "<right answer>" "<wrong>"… [--explain "<text>"]}: an owner
 * picks one of the modules they own, and writes the wrong answers one per line.
 */
final class CheckAddForm extends FormSpec {
    static final String ID = "check.add";
    private static final int MAX_WRONG_TEXT = (CheckCommand.MAX_OPTIONS - 1) * (CheckCommand.MAX_OPTION + 1);

    private final Syllabus syllabus;

    CheckAddForm(Syllabus syllabus) {
        super(ID, "check", "add", "wrong");
        this.syllabus = syllabus;
    }

    /** The module, the question, the right answer and one wrong answer are the fewest a typed question has. */
    @Override
    public boolean opensFor(Args typed) {
        return typed.size() < 4;
    }

    @Override
    public Form form(Person filler, UnitOfWork work) {
        List<Syllabus.Module> owned = syllabus.ownedBy(work, filler.id());
        Field module = Field.select("module", "Module", owned.stream()
                .map(m -> new Form.Choice(choice(m, owned), m.name() + " (" + m.guildSlug() + ")")).toList());
        return new Form(ID, "Add a check question", "Add it", List.of(
                owned.size() == 1 ? module.withInitial(choice(owned.get(0), owned)) : module,
                Field.longText("question", "Question", CheckCommand.MAX_QUESTION)
                        .withHint("Like: What does a Service do?"),
                Field.text("right", "Right answer", CheckCommand.MAX_OPTION),
                Field.longText("wrong", "Wrong answers", MAX_WRONG_TEXT)
                        .withHint("One per line, 1 to " + (CheckCommand.MAX_OPTIONS - 1)),
                Field.longText("explain", "Explanation", CheckCommand.MAX_QUESTION).optional()
                        .withHint("Shown after answering: a sentence or a link")));
    }

    @Override
    public String commandText(FormValues values, Person filler, UnitOfWork work) {
        List<Syllabus.Module> owned = syllabus.ownedBy(work, filler.id());
        String picked = values.required("module");
        Syllabus.Module module = owned.stream().filter(m -> choice(m, owned).equalsIgnoreCase(picked)).findFirst()
                .orElseThrow(() -> new FormRejected("module", "You no longer own \"" + picked + "\"."));
        List<String> wrong = Arrays.stream(values.required("wrong").split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (wrong.size() > CheckCommand.MAX_OPTIONS - 1) {
            throw new FormRejected("wrong", "At most " + (CheckCommand.MAX_OPTIONS - 1) + " wrong answers, one per"
                    + " line (that was " + wrong.size() + ").");
        }
        return Args.quoted(module.name()) + " " + values.quoted("question") + " " + values.quoted("right") + " "
                + wrong.stream().map(Args::quoted).collect(Collectors.joining(" "))
                + values.get("explain").map(text -> " --explain " + Args.quoted(text)).orElse("")
                + " --guild " + module.guildSlug();
    }

    /** The module's name, or with its guild when the filler owns another module of that name elsewhere. */
    private static String choice(Syllabus.Module module, List<Syllabus.Module> owned) {
        boolean shared = owned.stream().filter(m -> m.name().equalsIgnoreCase(module.name())).count() > 1;
        return shared ? module.name() + " (" + module.guildSlug() + ")" : module.name();
    }
}

package dev.guildhall.livesession;

import dev.guildhall.command.Args;
import dev.guildhall.command.FormSpec;
import dev.guildhall.command.FormValues;
import dev.guildhall.core.Form;
import dev.guildhall.core.Form.Field;
import dev.guildhall.core.Person;
import dev.guildhall.store.UnitOfWork;

import java.util.List;

/** The form of {@code /session start "<title>" [--threshold N] [--questions N]}, in the channel it was opened in. */
final class StartForm extends FormSpec {
    static final String ID = "session.start";

    StartForm() {
        super(ID, "session", "start", "title");
    }

    @Override
    public boolean opensFor(Args typed) {
        return typed.isEmpty();
    }

    @Override
    public Form form(Person filler, UnitOfWork work) {
        return new Form(ID, "Start a live session", "Start", List.of(
                Field.text("title", "Title", SessionCommand.MAX_TITLE_LENGTH).withHint("Like: VPC peering"),
                Field.number("threshold", "Nudge me when this many are lost", 1, Threshold.MAX).optional(),
                Field.number("questions", "Questions each person may ask an hour", 1, QuestionQuota.MAX_PER_HOUR)
                        .optional().withInitial(String.valueOf(QuestionQuota.PER_HOUR))));
    }

    @Override
    public String commandText(FormValues values, Person filler, UnitOfWork work) {
        return values.quoted("title") + values.get("threshold").map(n -> " --threshold " + n).orElse("")
                + values.get("questions").map(n -> " --questions " + n).orElse("");
    }
}

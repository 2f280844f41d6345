package dev.guildhall.mentorship;

import dev.guildhall.command.Args;
import dev.guildhall.command.FormSpec;
import dev.guildhall.command.FormValues;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Form;
import dev.guildhall.core.Form.Field;
import dev.guildhall.core.Person;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.topic.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The forms of {@code /learn <topic>} and {@code /teach <topic>}, with topics suggested as the person types. */
final class MentorshipForms {
    static final String LEARN = "learn";
    static final String TEACH = "teach";
    private static final int SUGGESTIONS = 20;

    private final Topics topics;
    private final MentorshipSettings settings;

    MentorshipForms(Topics topics, MentorshipSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    void register(Registry registry) {
        registry.form(new TopicForm(LEARN) {
            @Override
            public Form form(Person filler, UnitOfWork work) {
                return new Form(LEARN, "Ask to learn something", "Find me a teacher", List.of(
                        topicField(),
                        Field.longText("goal", "What you want to get out of it", LearnCommand.MAX_GOAL_LENGTH)
                                .optional().withHint("Like: deploy my first service")));
            }

            @Override
            public String commandText(FormValues values, Person filler, UnitOfWork work) {
                return values.quoted("topic") + values.get("goal").map(goal -> " " + Args.tail(goal)).orElse("");
            }
        });
        registry.form(new TopicForm(TEACH) {
            @Override
            public Form form(Person filler, UnitOfWork work) {
                return new Form(TEACH, "Offer to teach", "Offer it", List.of(topicField(),
                        Field.number("capacity", "Learners at a time", 1, settings.maxCapacity()).optional()
                                .withInitial(String.valueOf(settings.defaultCapacity()))));
            }

            @Override
            public String commandText(FormValues values, Person filler, UnitOfWork work) {
                return values.quoted("topic") + values.get("capacity").map(n -> " --capacity " + n).orElse("");
            }
        });
    }

    private static Field topicField() {
        return Field.suggested("topic", "Topic", Topics.MAX_LENGTH).withHint("Type to find one, like kubernetes");
    }

    /** A form whose only required word is a topic: it opens when the command is typed alone. */
    private abstract class TopicForm extends FormSpec {
        TopicForm(String command) {
            super(command, command, "", "topic");
        }

        @Override
        public boolean opensFor(Args typed) {
            return typed.isEmpty();
        }

        /**
         * The typed text itself first, as a new topic (a select from suggestions takes no free text), then the
         * topics people teach or wait for that contain it, aliases resolved.
         */
        @Override
        public List<Form.Choice> suggest(String field, String typed, UnitOfWork work) {
            if (!field.equals("topic") || typed.isBlank()) {
                return List.of();
            }
            String wanted;
            try {
                wanted = topics.normalize(typed);
            } catch (UsageException e) {
                return List.of();
            }
            MentorshipStore store = new MentorshipStore(work.handle());
            List<String> known = store.knownTopics(typed.strip().toLowerCase(Locale.ROOT), SUGGESTIONS);
            List<Form.Choice> choices = new ArrayList<>();
            if (!known.contains(wanted) && !store.knownTopics(wanted, SUGGESTIONS).contains(wanted)) {
                choices.add(new Form.Choice(wanted, wanted + " (new topic)"));
            }
            if (!known.contains(wanted) && choices.isEmpty()) {
                choices.add(new Form.Choice(wanted, wanted)); // an alias of a known topic: the topic it stands for
            }
            known.forEach(topic -> choices.add(new Form.Choice(topic, topic)));
            return choices;
        }
    }
}

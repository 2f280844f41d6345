package dev.guildhall.core;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the bot says, independent of any platform: a text, optional labelled fields, an optional small context line,
 * and buttons. Slack renders it as Block Kit, Teams as an Adaptive Card, the console as plain text or JSON.
 */
public record Message(String text, List<Field> fields, String context, List<Button> buttons) {
    public Message {
        Objects.requireNonNull(text, "text");
        fields = List.copyOf(fields == null ? List.of() : fields);
        buttons = List.copyOf(buttons == null ? List.of() : buttons);
    }

    public static Message text(String text) {
        return new Message(text, List.of(), null, List.of());
    }

    public Message withField(String label, String value) {
        List<Field> more = new ArrayList<>(fields);
        more.add(new Field(label, value));
        return new Message(text, more, context, buttons);
    }

    public Message withContext(String context) {
        return new Message(text, fields, context, buttons);
    }

    public Message withButton(Button button) {
        List<Button> more = new ArrayList<>(buttons);
        more.add(button);
        return new Message(text, fields, context, more);
    }

    /** The same message with its text, fields and context passed through {@code change} (buttons keep theirs). */
    public Message mapTexts(UnaryOperator<String> change) {
        return new Message(change.apply(text),
                fields.stream().map(f -> new Field(change.apply(f.label()), change.apply(f.value()))).toList(),
                context == null ? null : change.apply(context), buttons);
    }

    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The action name of buttons that open a form. */
    public static final String OPENS_FORM = "form";

    /**
     * A button; pressing it comes back to the core as an {@link ActionPress} carrying {@code actionId}. With a
     * {@code prompt} it sends a line of text typed next to it (the prompt is the box's placeholder): platforms that
     * can show a text box on a message (Teams cards) show it, the others leave the button out.
     */

    public record Button(String actionId, String label, Style style,
                         // Left out when absent, so that rows stored before buttons could take text stay byte-for-byte.
                         @JsonInclude(JsonInclude.Include.NON_NULL) String prompt) {
        public Button {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(label, "label");
            style = style == null ? Style.DEFAULT : style;
        }

        public Button(String actionId, String label, Style style) {
            this(actionId, label, style, null);
        }

        /** A text box with this button: what the person types arrives as the press's input. */
        public static Button sendingText(String actionId, String label, String prompt) {
            return new Button(actionId, label, Style.PRIMARY, Objects.requireNonNull(prompt, "prompt"));
        }

        /**
         * A button that opens a form (by its id): Slack opens it as a modal, Teams as a dialog; elsewhere the press
         * answers with the command to type instead.
         */
        public static Button opensForm(String formId, String label) {
            return new Button(OPENS_FORM + ":" + formId, label, Style.DEFAULT);
        }

        /** The form this button opens, if it opens one. */
        public Optional<String> formToOpen() {
            return actionId.startsWith(OPENS_FORM + ":")
                    ? Optional.of(actionId.substring(OPENS_FORM.length() + 1)) : Optional.empty();
        }

        public boolean takesText() {
            return prompt != null;
        }

        public static Button of(String actionId, String label) {
            return new Button(actionId, label, Style.DEFAULT);
        }

        public static Button primary(String actionId, String label) {
            return new Button(actionId, label, Style.PRIMARY);
        }

        public static Button danger(String actionId, String label) {
            return new Button(actionId, label, Style.DANGER);
        }
    }

    public enum Style { DEFAULT, PRIMARY, DANGER }
}

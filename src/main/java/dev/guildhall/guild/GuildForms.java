package dev.guildhall.guild;

import dev.guildhall.command.Args;
import dev.guildhall.command.FormRejected;
import dev.guildhall.command.FormSpec;
import dev.guildhall.command.FormValues;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Form;
import dev.guildhall.core.Form.Field;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.people.People;
import dev.guildhall.store.UnitOfWork;

import dev.guildhall.time.When;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The forms of {@code /guild meetup} and {@code /guild announce}: a lead picks one of the guilds they lead. */
final class GuildForms {
    static final String MEETUP = "guild.meetup";
    static final String ANNOUNCE = "guild.announce";
    static final int MAX_ANNOUNCEMENT = 3_000;

    private GuildForms() {
    }

    static void register(Registry registry) {
        registry.form(new MeetupForm());
        registry.form(new AnnounceForm());
    }

    /** The guilds the filler leads (none: the form is not fillable, and the typed command says why). */
    private static Field guildField(Person filler, UnitOfWork work) {
        List<Guild> led = new GuildStore(work.handle()).ledBy(filler.id());
        Field field = Field.select("guild", "Guild", led.stream()
                .map(guild -> new Form.Choice(guild.slug(), guild.name() + " (" + guild.slug() + ")")).toList());
        return led.size() == 1 ? field.withInitial(led.get(0).slug()) : field;
    }

    private abstract static class LeadForm extends FormSpec {
        LeadForm(String id, String subcommand, String refusalsGoTo) {
            super(id, "guild", subcommand, refusalsGoTo);
        }

        @Override
        public boolean opensFor(Args typed) {
            return typed.size() < 2;
        }
    }

    /** {@code /guild meetup <slug> "<when>" "<title>" --tz <zone>}, the time in the filler's own zone. */
    static final class MeetupForm extends LeadForm {
        static final String ONCE = "once";
        static final String WEEKLY = "weekly";
        static final String MONTHLY = "monthly";

        MeetupForm() {
            super(MEETUP, "meetup", "date");
        }

        @Override
        public boolean opensFor(Args typed) {
            return typed.size() < 3 && !(typed.size() >= 1 && typed.first().equals("cancel"));
        }

        @Override
        public Form form(Person filler, UnitOfWork work) {
            return new Form(MEETUP, "Plan a meetup", "Plan it", List.of(guildField(filler, work),
                    Field.text("title", "Title", 150).withHint("Like: Operators deep dive"),
                    Field.date("date", "Date"),
                    Field.time("time", "Time").withHint("In your time zone"),
                    Field.select("repeat", "Repeats", List.of(new Form.Choice(ONCE, "Just once"),
                            new Form.Choice(WEEKLY, "Every week on that weekday"),
                            new Form.Choice(MONTHLY, "Every month on that weekday (like the 2nd Tuesday)")))
                            .withInitial(ONCE)));
        }

        @Override
        public String commandText(FormValues values, Person filler, UnitOfWork work) {
            String slug = values.required("guild");
            Guild guild = new GuildStore(work.handle()).bySlug(slug).orElseThrow(() -> new FormRejected("guild",
                    "There is no guild " + slug + " any more."));
            ZoneId zone = filler.timeZone().or(() -> new People(work.handle()).zoneOf(filler.id()))
                    .or(guild::timeZone).orElseThrow(() -> new FormRejected("time", "I don't know your time zone,"
                            + " so I can't tell when that is. Type /guild meetup " + slug + " \"<when>\" \"<title>\""
                            + " --tz Europe/Berlin instead, with your zone."));
            LocalDate date = parsed("date", values.required("date"), LocalDate::parse, "a date like 2026-12-10");
            LocalTime time = parsed("time", values.required("time"), LocalTime::parse, "a time like 16:00");
            String when = when(date, time, values.get("repeat").orElse(ONCE));
            When plan = MeetupTimes.parse(when, Optional.of(zone), work.now(), "/guild meetup " + slug);
            LocalDate first = plan.first().atZone(zone).toLocalDate();
            if (!first.equals(date)) {
                throw new FormRejected("date", "A repeating meetup starts at its next " + when.replaceFirst(
                        "^every ", "") + ", which is " + first + ": pick that date, or plan it once.");
            }
            return Args.quoted(slug) + " " + Args.quoted(when) + " " + values.quoted("title") + " --tz "
                    + zone.getId();
        }

        /** The words /guild meetup reads for that date and time (see {@link MeetupTimes#FORMS}). */
        static String when(LocalDate date, LocalTime time, String repeat) {
            String day = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            return switch (repeat) {
                case WEEKLY -> "every " + day + " " + time;
                case MONTHLY -> "every " + nth(date) + " " + day + " " + time;
                default -> LocalDateTime.of(date, time).toString().replace('T', ' ');
            };
        }

        private static String nth(LocalDate date) {
            int week = (date.getDayOfMonth() - 1) / 7 + 1;
            return switch (week) {
                case 1 -> "1st";
                case 2 -> "2nd";
                case 3 -> "3rd";
                case 4 -> "4th";
                default -> "last";
            };
        }
    }

    /** {@code /guild announce <slug> <text>}, shown as the members will read it before it goes out. */
    static final class AnnounceForm extends LeadForm {
        AnnounceForm() {
            super(ANNOUNCE, "announce", "guild");
        }

        @Override
        public Form form(Person filler, UnitOfWork work) {
            return new Form(ANNOUNCE, "Announce to a guild", "Preview", List.of(guildField(filler, work),
                    Field.longText("text", "Announcement", MAX_ANNOUNCEMENT)
                            .withHint("Like: Slides from today are in the wiki")));
        }

        @Override
        public String commandText(FormValues values, Person filler, UnitOfWork work) {
            return Args.quoted(values.required("guild")) + " " + Args.tail(values.required("text"));
        }

        @Override
        public Optional<Message> preview(FormValues values, Person filler, UnitOfWork work) {
            GuildFlow flow = new GuildFlow(work);
            String slug = values.required("guild");
            Guild guild = flow.store.bySlug(slug).orElseThrow(() -> new FormRejected("guild",
                    "There is no guild " + slug + " any more."));
            flow.requireLead(guild, filler.id(), "announce");
            int members = (int) flow.store.notified(guild.id()).stream().filter(p -> !p.equals(filler.id())).count();
            String where = guild.channel().map(c -> "posted in " + GuildMessages.channel(c) + " and ").orElse("");
            return Optional.of(Message.text("📣 *" + guild.name() + "* — from " + flow.people.nameOf(filler.id())
                            + ":\n" + Args.tail(values.required("text")))
                    .withContext("Preview: this will be " + where + "sent to " + members + " member"
                            + (members == 1 ? "" : "s") + " who take DMs. Send it, or go back to change it."));
        }
    }

    /** A picker's value, which a platform fills in ISO form; anything else gets a message on its field. */
    private static <T> T parsed(String field, String value, java.util.function.Function<String, T> parse,
                                String example) {
        try {
            return parse.apply(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new FormRejected(field, "Pick " + example + ".");
        }
    }
}

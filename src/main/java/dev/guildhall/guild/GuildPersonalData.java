package dev.guildhall.guild;

import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;

/**
 * What guild tables hold about people. Guild names, meetup titles and syllabus modules belong to the guild, not to
 * whoever typed them: they keep their text (only whole mentions of a forgotten person change). Announcements, talk
 * titles and proposals are their author's own words, blanked when the author is forgotten.
 */
final class GuildPersonalData {
    private GuildPersonalData() {
    }

    static void register(Registry registry) {
        registry.personalData(PersonalData.table("guild")
                .person("created_by", OnForget.TOMBSTONE)
                .sharedText("name")
                .notPersonal("id", "slug", "channel_id", "time_zone", "created_at").build());
        registry.personalData(PersonalData.table("guild_member")
                .person("person_id", OnForget.DELETE_ROW)
                .notPersonal("guild_id", "role", "notify", "joined_at").build());
        registry.personalData(PersonalData.table("announcement")
                .person("author_id", OnForget.TOMBSTONE)
                .writtenBy("text", "author_id", "")
                .notPersonal("id", "guild_id", "batch_id", "created_at").build());
        registry.personalData(PersonalData.table("meetup")
                .person("speaker_id", OnForget.TOMBSTONE)
                .writtenBy("talk_title", "speaker_id", null)
                .person("created_by", OnForget.TOMBSTONE)
                .sharedText("title")
                .notPersonal("id", "guild_id", "starts_at", "time_zone", "recurrence", "series_id", "status",
                        "created_at", "cancelled_at", "skip_noted_at").build());
        registry.personalData(PersonalData.table("meetup_rsvp")
                .person("person_id", OnForget.TOMBSTONE)
                .notPersonal("meetup_id", "answer", "answered_at").build());
        registry.personalData(PersonalData.table("talk_proposal")
                .person("speaker_id", OnForget.TOMBSTONE)
                .writtenBy("title", "speaker_id", "")
                .notPersonal("id", "guild_id", "status", "meetup_id", "created_at").build());
        registry.personalData(PersonalData.table("syllabus_module")
                .person("created_by", OnForget.TOMBSTONE)
                .sharedText("name", "topic")
                .notPersonal("id", "guild_id", "created_at").build());
        registry.personalData(PersonalData.table("module_owner")
                .person("person_id", OnForget.DELETE_ROW)
                .notPersonal("module_id", "since").build());
    }
}

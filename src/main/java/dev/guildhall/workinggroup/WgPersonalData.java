package dev.guildhall.workinggroup;

import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;

/**
 * What working-group tables hold about people. Charters, summaries and check-in questions belong to the group;
 * results and check-in answers are their author's own words, blanked when the author is forgotten.
 */
final class WgPersonalData {
    private WgPersonalData() {
    }

    static void register(Registry registry) {
        registry.personalData(PersonalData.table("working_group")
                .person("owner_id", OnForget.TOMBSTONE)
                .sharedText("charter", "summary")
                .notPersonal("id", "slug", "guild_id", "size", "ends_on", "status", "channel_id", "channel_created",
                        "channel_request_id", "split_from", "created_at", "closed_at").build());
        registry.personalData(PersonalData.table("wg_member")
                .person("person_id", OnForget.DELETE_ROW)
                .notPersonal("group_id", "state", "since", "checkin_skip_until").build());
        registry.personalData(PersonalData.table("wg_result")
                .person("author_id", OnForget.TOMBSTONE)
                .writtenBy("text", "author_id", "")
                .notPersonal("id", "group_id", "guild_id", "kind", "shared_at", "digested_at").build());
        registry.personalData(PersonalData.table("wg_checkin")
                .person("created_by", OnForget.TOMBSTONE)
                .sharedText("question")
                .notPersonal("id", "group_id", "weekday", "at_time", "rule", "created_at", "stopped_at",
                        "paused_for_owner").build());
        registry.personalData(PersonalData.table("wg_checkin_round")
                .notPersonal("id", "checkin_id", "occurs_on", "digest_due_at", "digest_posted_at").build());
        registry.personalData(PersonalData.table("wg_checkin_ask")
                .person("person_id", OnForget.DELETE_ROW)
                .writtenBy("answer", "person_id", null)
                .notPersonal("id", "round_id", "due_at", "asked_at", "answered_at").build());
    }
}

package dev.guildhall.teams;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Without Microsoft Graph (development mode has no credentials) both refusals are final and say what to do. */
class TeamsChannelsTest {
    private final TeamsChatPort port = new TeamsChatPort(null, null, null, null, null, Optional.empty(), null);

    @Test
    void creatingAChannelIsRefusedForGoodWithWhatToDoInstead() {
        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> port.createChannel("wg-vpc", List.of(new PersonId("teams:tenant:aad-alice"))));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("Microsoft Graph").contains(TeamsConfig.APP_ID)
                .contains("link that channel instead");
    }

    @Test
    void archivingAChannelIsRefusedForGood() {
        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> port.archiveChannel(new ChannelId("teams:tenant:19:abc@thread.tacv2")));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("cannot create or archive Teams channels");
    }

    @Test
    void aClosedChannelsNameSaysSoWithinTeamsFiftyCharacters() {
        assertThat(GraphChannels.closedName("wg-vpc")).isEqualTo("wg-vpc (closed)");
        assertThat(GraphChannels.closedName("wg-vpc (closed)")).isEqualTo("wg-vpc (closed)");
        assertThat(GraphChannels.closedName("wg-" + "x".repeat(47))).hasSize(50).endsWith(" (closed)");
    }
}

package dev.guildhall.testing;

import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Reply;
import dev.guildhall.outbox.Outbox;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A test-only {@code /chart} that shares a small PNG with the caller through the outbox, as insights will. */
public final class ShareChartCapability implements Capability {
    public static final byte[] PNG = png();

    @Override
    public void register(dev.guildhall.command.Registry registry) {
        registry.command(new CommandSpec("chart", "share a test chart", "/chart", request -> {
            new Outbox(request.work()).sendFileDirect(request.caller().id(),
                    FileUpload.png("demand.png", PNG, "Demand by topic", "kafka leads with 7 waiting"));
            return Reply.of("Your chart is on its way.");
        }));
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3B5B8C);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

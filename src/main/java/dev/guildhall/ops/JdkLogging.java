package dev.guildhall.ops;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Lines logged through {@code java.util.logging} (the JDK's HTTP client, some libraries) go through SLF4J to the
 * same encoder as the rest, so they get the log format and the credential masking too. logback's
 * {@code LevelChangePropagator} (in {@code logback.xml}) keeps the JDK's levels in step, so filtered-out lines
 * cost nothing.
 */
public final class JdkLogging {
    private JdkLogging() {
    }

    public static void routeThroughSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}

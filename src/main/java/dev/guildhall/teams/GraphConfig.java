package dev.guildhall.teams;

import dev.guildhall.config.ConfigException;
import dev.guildhall.config.Env;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Microsoft Graph, which makes working groups' Teams channels. {@code baseUrl}: Graph's address (tests point it at a
 * local fake). {@code tenantWide}: an admin granted the app tenant-wide application permissions, so working groups
 * get private channels and closed ones are archived; without them they get standard channels (the team's consent is
 * enough) and a closed one is renamed instead.
 */
public record GraphConfig(String baseUrl, boolean tenantWide) {
    public static final String URL = "GUILDHALL_GRAPH_URL";
    public static final String TENANT_WIDE = "GUILDHALL_GRAPH_TENANT_WIDE";
    public static final String DEFAULT_URL = "https://graph.microsoft.com/v1.0";

    public static GraphConfig from(Map<String, String> env) {
        String url = Env.value(env, URL).orElse(DEFAULT_URL);
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) address");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(URL + " must be Microsoft Graph's address, like " + DEFAULT_URL + "; got " + url);
        }
        boolean tenantWide = Env.value(env, TENANT_WIDE).map(value -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new ConfigException(TENANT_WIDE + " must be true (an admin granted Guildhall's app the"
                        + " tenant-wide Graph permissions) or false; got " + value);
            }
            return value.equalsIgnoreCase("true");
        }).orElse(false);
        return new GraphConfig(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, tenantWide);
    }
}

package navsync.sales;

/**
 * Where the Dataverse Web API is: the organization URL ("https://contoso.crm.dynamics.com", or the
 * sandbox's "http://127.0.0.1:8181") and the API version.
 */
public record SalesConnection(String organizationUrl, String apiVersion) {

    public SalesConnection {
        organizationUrl = organizationUrl.endsWith("/") ? organizationUrl.substring(0, organizationUrl.length() - 1)
                : organizationUrl;
    }

    /** Path of the Web API root, e.g. {@code /api/data/v9.2/}. */
    public String webApiPath() {
        return "/api/data/" + apiVersion + "/";
    }

    /** The Web API URL of a path relative to its root. */
    public String url(String relative) {
        return organizationUrl + webApiPath() + relative;
    }
}

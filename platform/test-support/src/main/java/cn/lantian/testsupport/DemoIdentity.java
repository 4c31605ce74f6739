package cn.lantian.testsupport;

/**
 * A demo user of realm {@code kashgar}, as documented in the README.
 *
 * @param username the login
 * @param jurisdiction the jurisdiction claim Keycloak puts in their token
 */
public enum DemoIdentity {
    COORDINATOR("coordinator", "653100"),
    ECO_KASHGAR("eco-kashgar", "653101"),
    ECO_SHACHE("eco-shache", "653125"),
    ECO_BACHU("eco-bachu", "653130"),
    CORPS_OFFICER("corps-officer", "xpcc-3"),
    POLICE_KASHGAR("police-kashgar", "653101"),
    HOUSING_SHACHE("housing-shache", "653125"),
    FORESTRY_SHACHE("forestry-shache", "653125"),
    FORESTRY_MAIGAITI("forestry-maigaiti", "653127"),
    FORESTRY_CORPS("forestry-corps", "xpcc-3"),
    AGRI_PREFECTURE("agri-prefecture", "653100"),
    AGRI_SHACHE("agri-shache", "653125"),
    MARKET_SHACHE("market-shache", "653125");

    /** Every demo user's password (demo realm only). */
    public static final String PASSWORD = "lantian-demo";

    private final String username;
    private final String jurisdiction;

    DemoIdentity(String username, String jurisdiction) {
        this.username = username;
        this.jurisdiction = jurisdiction;
    }

    public String username() {
        return username;
    }

    public String jurisdiction() {
        return jurisdiction;
    }
}

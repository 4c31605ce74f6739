package cn.lantian.security;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller as the platform sees them, read from a Keycloak access token of realm {@code kashgar}.
 *
 * @param username {@code preferred_username}, or the client id for an agency system
 * @param agencies the agency realm roles (ecology, traffic-police, ...)
 * @param level prefecture, county or corps
 * @param jurisdiction division code or Corps unit id from the {@code jurisdiction} claim
 * @param client true for an agency system using client credentials
 */
public record Caller(String username, Set<String> agencies, String level, String jurisdiction, boolean client) {

    /** The agency roles the realm defines; every other realm role is ignored for agency checks. */
    public static final Set<String> AGENCIES = Set.of(
            "ecology",
            "traffic-police",
            "housing",
            "urban-management",
            "agriculture",
            "forestry",
            "market-regulation",
            "commerce",
            "transport");

    /** The level roles the realm defines. */
    public static final List<String> LEVELS = List.of("prefecture", "county", "corps");

    /** Reads a caller from a validated token. */
    public static Caller of(Jwt jwt) {
        List<String> roles = RealmRoles.of(jwt);
        Set<String> agencies = new TreeSet<>(roles);
        agencies.retainAll(AGENCIES);
        String level = LEVELS.stream().filter(roles::contains).findFirst().orElse("none");
        String username = jwt.getClaimAsString("preferred_username");
        boolean client = username == null || username.startsWith("service-account-");
        if (client) {
            username = jwt.getClaimAsString("azp");
        }
        return new Caller(username, Set.copyOf(agencies), level, jwt.getClaimAsString("jurisdiction"), client);
    }

    /** Whether the caller works for the prefecture and so sees every jurisdiction. */
    public boolean prefecture() {
        return "prefecture".equals(level) && Jurisdictions.PREFECTURE.equals(jurisdiction);
    }

    /** Whether the caller belongs to that agency. */
    public boolean isOf(String agency) {
        return agencies.contains(agency);
    }

    /**
     * Whether the caller may read a record placed there: the prefecture everything; a county its own county and the
     * joint records of Corps units inside it; a Corps officer the Corps units under their own.
     */
    public boolean sees(Jurisdictions jurisdictions, Placement placement) {
        if (jurisdiction == null) {
            return false;
        }
        return prefecture() || jurisdictions.sees(jurisdiction, placement);
    }

    /**
     * Whether the caller speaks for that unit: the prefecture for every unit; anyone else for their own unit and the
     * units under it (a Corps officer of the division for its regiments).
     */
    public boolean covers(Jurisdictions jurisdictions, String unit) {
        if (prefecture()) {
            return true;
        }
        return jurisdiction != null
                && unit != null
                && (jurisdiction.equals(unit) || jurisdictions.isWithin(unit, jurisdiction));
    }

    /**
     * The units whose records the caller sees, for filters on stored {@code jurisdiction} or {@code corps_unit}
     * columns: their own unit and every unit under it, with aliases. Empty for the prefecture, which sees everything;
     * an empty list for a caller without a jurisdiction, who sees nothing.
     */
    public Optional<List<String>> unitsSeen(Jurisdictions jurisdictions) {
        if (prefecture()) {
            return Optional.empty();
        }
        return Optional.of(jurisdiction == null ? List.of() : jurisdictions.unitsUnder(jurisdiction));
    }

    /** Whether the caller may write a record placed there: the same places it may read, named for what policies mean. */
    public boolean governs(Jurisdictions jurisdictions, Placement placement) {
        return sees(jurisdictions, placement);
    }
}

package cn.lantian.airquality.station;

import cn.lantian.airquality.web.InvalidInput;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of a station registration or change; {@link #toStation} checks every field and names each bad one.
 *
 * @param kind national, regional or county
 * @param jurisdiction the county or Corps unit the station reports for (division code or Corps id)
 * @param corpsUnit the Corps unit it lies in, or null
 */
record StationRegistration(String nameZh, String nameEn, String kind, Double longitude, Double latitude,
        String jurisdiction, String corpsUnit) {

    /** The kinds the station table allows. */
    static final Set<String> KINDS = Set.of("national", "regional", "county", "industrial");
    /** Station codes as the national network writes them (2698A), or a local code. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

    Station toStation(String id, Jurisdictions jurisdictions) {
        List<InvalidInput.Violation> errors = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            errors.add(new InvalidInput.Violation("id", "letters, digits and '-', at most 32, not '" + id + "'"));
        }
        if (nameZh == null || nameZh.isBlank()) {
            errors.add(new InvalidInput.Violation("nameZh", "required"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new InvalidInput.Violation("kind", "one of " + KINDS.stream().sorted().toList() + ", not '" + kind + "'"));
        }
        if (longitude == null || longitude < -180 || longitude > 180) {
            errors.add(new InvalidInput.Violation("longitude", "required, WGS84 degrees between -180 and 180"));
        }
        if (latitude == null || latitude < -90 || latitude > 90) {
            errors.add(new InvalidInput.Violation("latitude", "required, WGS84 degrees between -90 and 90"));
        }
        if (jurisdiction == null || jurisdictions.byId(jurisdiction).isEmpty()) {
            errors.add(new InvalidInput.Violation("jurisdiction", "not a county or Corps unit of the prefecture: '" + jurisdiction + "'"));
        }
        if (corpsUnit != null && !jurisdictions.byId(corpsUnit).map(Jurisdiction::isCorps).orElse(false)) {
            errors.add(new InvalidInput.Violation("corpsUnit", "not a Corps unit: '" + corpsUnit + "'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Station(id, nameZh.strip(), nameEn == null ? null : nameEn.strip(), kind, longitude, latitude,
                jurisdiction, corpsUnit);
    }
}

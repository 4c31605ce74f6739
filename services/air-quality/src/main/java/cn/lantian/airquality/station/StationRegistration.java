package cn.lantian.airquality.station;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.TextLength;
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
record StationRegistration(
        String nameZh,
        String nameEn,
        String kind,
        Double longitude,
        Double latitude,
        String jurisdiction,
        String corpsUnit) {

    /** The kinds the station table allows. */
    static final Set<String> KINDS = Set.of("national", "regional", "county", "industrial");
    /** Station codes as the national network writes them (2698A), or a local code. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

    Station toStation(String id, Jurisdictions jurisdictions) {
        List<FieldError> errors = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "letters, digits and '-', at most 32, not '" + id + "'"));
        }
        if (nameZh == null || nameZh.isBlank()) {
            errors.add(new FieldError("nameZh", "required"));
        } else if (nameZh.length() > TextLength.NAME) {
            errors.add(new FieldError("nameZh", "at most " + TextLength.NAME + " characters"));
        }
        if (nameEn != null && nameEn.length() > TextLength.NAME) {
            errors.add(new FieldError("nameEn", "at most " + TextLength.NAME + " characters"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(
                    new FieldError("kind", "one of " + KINDS.stream().sorted().toList() + ", not '" + kind + "'"));
        }
        if (longitude == null || longitude < -180 || longitude > 180) {
            errors.add(new FieldError("longitude", "required, WGS84 degrees between -180 and 180"));
        }
        if (latitude == null || latitude < -90 || latitude > 90) {
            errors.add(new FieldError("latitude", "required, WGS84 degrees between -90 and 90"));
        }
        if (jurisdiction == null || jurisdictions.byId(jurisdiction).isEmpty()) {
            errors.add(new FieldError(
                    "jurisdiction", "not a county or Corps unit of the prefecture: '" + jurisdiction + "'"));
        }
        if (corpsUnit != null
                && !jurisdictions.byId(corpsUnit).map(Jurisdiction::isCorps).orElse(false)) {
            errors.add(new FieldError("corpsUnit", "not a Corps unit: '" + corpsUnit + "'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Station(
                id,
                nameZh.strip(),
                nameEn == null ? null : nameEn.strip(),
                kind,
                longitude,
                latitude,
                jurisdiction,
                corpsUnit);
    }
}

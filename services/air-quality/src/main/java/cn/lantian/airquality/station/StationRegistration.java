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
 * @param nameUg the Uyghur name (optional)
 * @param operator who runs the station (optional)
 * @param elevationM metres above sea level (optional)
 * @param operatingSince the first day it reported (optional, not in the future)
 */
record StationRegistration(
        String nameZh,
        String nameEn,
        String kind,
        Double longitude,
        Double latitude,
        String jurisdiction,
        String corpsUnit,
        String nameUg,
        String operator,
        Double elevationM,
        java.time.LocalDate operatingSince) {

    /** Lowest and highest ground a station may stand on: the Turpan depression (-154 m) to Chogori (8,611 m). */
    private static final double LOWEST_M = -200;

    private static final double HIGHEST_M = 8_700;

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
        if (nameUg != null && nameUg.length() > TextLength.NAME) {
            errors.add(new FieldError("nameUg", "at most " + TextLength.NAME + " characters"));
        }
        if (operator != null && operator.length() > TextLength.NAME) {
            errors.add(new FieldError("operator", "at most " + TextLength.NAME + " characters"));
        }
        if (elevationM != null && (elevationM < LOWEST_M || elevationM > HIGHEST_M)) {
            errors.add(new FieldError("elevationM", "metres above sea level between -200 and 8700"));
        }
        if (operatingSince != null
                && operatingSince.isAfter(java.time.LocalDate.now(java.time.ZoneOffset.ofHours(14)))) {
            errors.add(new FieldError("operatingSince", "a day that has begun somewhere, not in the future"));
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
                blankAsNull(nameUg),
                kind,
                longitude,
                latitude,
                jurisdiction,
                corpsUnit,
                blankAsNull(operator),
                elevationM,
                operatingSince);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

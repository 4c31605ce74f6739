package cn.lantian.gateway.me;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.List;

/**
 * The answer of {@code GET /api/me}.
 *
 * @param username the login, or the client id of an agency system
 * @param client true for an agency system using client credentials
 * @param agencies the caller's agency roles
 * @param level prefecture, county or corps
 * @param jurisdiction the caller's jurisdiction with its names from the reference data
 */
record Me(String username, boolean client, List<String> agencies, String level, Place jurisdiction) {

    static Me of(Caller caller, Jurisdictions jurisdictions) {
        Place place = caller.jurisdiction() == null
                ? null
                : jurisdictions
                        .byId(caller.jurisdiction())
                        .map(Place::of)
                        .orElse(new Place(caller.jurisdiction(), null, null, null, null, null));
        return new Me(
                caller.username(),
                caller.client(),
                caller.agencies().stream().sorted().toList(),
                caller.level(),
                place);
    }

    /**
     * A jurisdiction as reference data names it.
     *
     * @param id division code or Corps unit id
     * @param kind prefecture, county, development-zone, corps-division or corps-unit; null if unknown
     * @param nameZh Chinese name
     * @param nameEn English name
     * @param nameUg Uyghur name
     * @param parent the unit above it
     */
    record Place(String id, String kind, String nameZh, String nameEn, String nameUg, String parent) {

        static Place of(Jurisdiction j) {
            return new Place(
                    j.id(),
                    j.kind().name().toLowerCase().replace('_', '-'),
                    j.nameZh(),
                    j.nameEn(),
                    j.nameUg(),
                    j.parent());
        }
    }
}

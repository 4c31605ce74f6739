package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;

/** The licence of the open data and of the maps. */
@Schema(description = "The data licence (also as 'licence', as in the other answers) and the map licence")
public record LicenceAnswer(
        String id, String name, String url, String attribution, LicenceField licence, MapLicence maps) {

    /** The licence of the boundaries and of what is drawn from them. */
    public record MapLicence(String id, String url, String attribution) {}
}

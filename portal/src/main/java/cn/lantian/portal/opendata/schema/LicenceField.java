package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;

/** The licence every JSON answer carries. */
@Schema(description = "The licence of the data and the attribution to show with it")
public record LicenceField(String id, String name, String url, String attribution) {}

package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** RFC 9457 problem details as every service of the platform answers them (contract/public-api/problem.schema.json). */
@Schema(description = "RFC 9457 problem details; 'errors' names each bad parameter")
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** A bad parameter and what it should be. */
    public record FieldError(String field, String reason) {}
}

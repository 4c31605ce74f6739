package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** RFC 9457 problem details as the open-data API answers them. */
@Schema(description = "RFC 9457 problem details; 'errors' names each bad parameter")
public record Problem(String type, String title, int status, String detail, String instance,
        List<ParameterError> errors, LicenceField licence) {

    /** A bad parameter and what it should be. */
    public record ParameterError(String parameter, String reason) {
    }
}

package cn.lantian.mobile.inspection;

import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An emission-inspection (I/M) station.
 *
 * @param licence its inspection-body qualification (检验检测机构资质认定) number
 * @param unit the county code or Corps unit id it lies in
 * @param lanes its test lanes
 */
public record InspectionStation(
        String id,
        String name,
        String licence,
        String unit,
        int lanes,
        Instant updatedAt,
        String updatedBy,
        @JsonIgnore Placement placement) {}

package cn.lantian.mobile.machinery;

import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registered non-road machine, with the fields of the national code registration.
 *
 * @param code the registration code, one per machine
 * @param emissionStage pre-China I to China IV, or {@code none} for electric machinery
 * @param operator the user of the machine where it is not the owner
 * @param home the county code or Corps unit id it is registered in
 * @param acquiredOn when the owner acquired it, where known: registration is due within the rule's days
 * @param late whether it was registered after the deadline
 */
public record Machine(
        String id,
        String code,
        String kind,
        String maker,
        String model,
        LocalDate productionDate,
        String emissionStage,
        String fuel,
        List<String> afterTreatment,
        String owner,
        String operator,
        String contact,
        String home,
        Photos photos,
        LocalDate acquiredOn,
        LocalDate registeredOn,
        boolean late,
        Instant registeredAt,
        String registeredBy,
        @JsonIgnore Placement placement) {}

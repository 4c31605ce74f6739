package cn.lantian.mobile.access;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The per-record half of the access policy: which agencies write, where a home unit lies, and what a caller sees.
 * Vehicles have no coordinates, only a home county or Corps unit, so their placement is that unit's.
 */
@Component
public class Jurisdiction {

    /** The agencies that own mobile sources and write its records. */
    public static final List<String> WRITERS = List.of("traffic-police", "ecology");

    /** The agency the service's events name as their source. */
    public static final String AGENCY = "traffic-police";

    private final Jurisdictions jurisdictions;

    public Jurisdiction(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /**
     * The placement of a home unit: a county stands alone; a Corps unit is joint with the county that hosts it.
     *
     * @return empty when the id names no county or Corps unit of the prefecture
     */
    public Optional<Placement> placementOf(String unit) {
        return jurisdictions
                .byId(unit)
                .filter(j -> j.kind() != cn.lantian.reference.Jurisdiction.Kind.PREFECTURE)
                .map(j -> j.isCorps() ? new Placement(j.host().orElse(j.id()), j.id()) : new Placement(j.id(), null));
    }

    /** The placement of a home unit, or {@link InvalidInput} naming the field. */
    public Placement require(String field, String unit) {
        return placementOf(unit)
                .orElseThrow(
                        () -> InvalidInput.of(field, "must be a county code or Corps unit id of Kashgar Prefecture"));
    }

    /** Whether the caller may read a record placed there. */
    public boolean mayRead(Caller caller, Placement placement) {
        return caller.sees(jurisdictions, placement);
    }

    /** Whether the caller may write a record placed there. */
    public boolean mayWrite(Caller caller, Placement placement) {
        return WRITERS.stream().anyMatch(caller::isOf) && caller.governs(jurisdictions, placement);
    }

    /** Fails with {@link Forbidden} unless the caller may write a new record placed there. */
    public void checkWrite(Caller caller, Placement placement) {
        if (WRITERS.stream().noneMatch(caller::isOf)) {
            throw new Forbidden("only the traffic-police and ecology agencies write mobile-source records");
        }
        if (!caller.governs(jurisdictions, placement)) {
            throw new Forbidden("the record belongs to " + String.join("/", placement.visibleTo())
                    + ", outside your jurisdiction " + caller.jurisdiction());
        }
    }

    /**
     * The units whose records the caller sees, for SQL filters on {@code jurisdiction} or {@code corps_unit}; null
     * means everything (the prefecture).
     */
    public List<String> visibleUnits(Caller caller) {
        if (caller.prefecture()) {
            return null;
        }
        List<String> units = new ArrayList<>();
        if (caller.jurisdiction() == null) {
            return units;
        }
        units.add(caller.jurisdiction());
        for (cn.lantian.reference.Jurisdiction j : jurisdictions.all()) {
            if (!j.id().equals(caller.jurisdiction()) && jurisdictions.isWithin(j.id(), caller.jurisdiction())) {
                units.add(j.id());
            }
        }
        return units;
    }

    /** A field error for a home unit outside the caller's jurisdiction, as CSV rows report it. */
    public static FieldError outside(String field, Forbidden refused) {
        return new FieldError(field, refused.getMessage());
    }
}

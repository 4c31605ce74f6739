package cn.lantian.dust.access;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.Forbidden;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The service's jurisdiction checks in one place: a writer of the owning agencies writes only inside their own
 * jurisdiction (the prefecture anywhere); every reader sees what their jurisdiction sees ({@link Caller#sees}).
 */
@Component
public class Access {

    /** The agencies that own construction sites, monitors, idle land, muck trucks, roads and yards. */
    public static final List<String> DUST_AGENCIES = List.of("housing", "urban-management");

    /** The agency that reads every record of the service besides the owners. */
    public static final String READER = "ecology";

    /** The agency that owns catering premises. */
    public static final List<String> CATERING_AGENCIES = List.of("market-regulation");

    private final Jurisdictions jurisdictions;

    public Access(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** The reference data the checks use. */
    public Jurisdictions jurisdictions() {
        return jurisdictions;
    }

    /** Fails with {@link Forbidden} unless the caller, of one of the agencies, governs the place. */
    public void checkWrite(Caller caller, List<String> agencies, Placement placement) {
        if (agencies.stream().noneMatch(caller::isOf)) {
            throw new Forbidden("Only " + String.join(" or ", agencies) + " write these records.");
        }
        if (!caller.governs(jurisdictions, placement)) {
            throw new Forbidden("The place lies outside your jurisdiction " + caller.jurisdiction() + ".");
        }
    }

    /** Whether the caller may change an existing record placed there (else it answers as absent). */
    public boolean mayWrite(Caller caller, List<String> agencies, Placement placement) {
        return agencies.stream().anyMatch(caller::isOf) && caller.governs(jurisdictions, placement);
    }

    /** Whether the caller may read a record placed there. */
    public boolean mayRead(Caller caller, Placement placement) {
        return caller.sees(jurisdictions, placement);
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
        for (Jurisdiction j : jurisdictions.all()) {
            if (!j.id().equals(caller.jurisdiction()) && jurisdictions.isWithin(j.id(), caller.jurisdiction())) {
                units.add(j.id());
            }
        }
        return units;
    }
}

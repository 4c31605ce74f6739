package cn.lantian.airquality.access;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Which stations a caller writes. The prefecture writes anywhere. An ecology officer names stations only for the units
 * they speak for, writes only stations placed in their jurisdiction, and writes a station's data only where its stored
 * county and Corps unit are where its coordinates lie (so that a station once stored under the wrong county takes no
 * officer's data until the prefecture corrects it).
 */
@Component
public class StationAccess {

    /** The realm role of the agency that owns station data. */
    public static final String ECOLOGY = "ecology";

    private final Jurisdictions jurisdictions;

    public StationAccess(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Whether the caller may write data placed there: the prefecture anywhere, the ecology agency in its jurisdiction. */
    public boolean mayWrite(Caller caller, Placement placement) {
        if (caller.prefecture()) {
            return true;
        }
        return caller.isOf(ECOLOGY) && caller.governs(jurisdictions, placement);
    }

    /** Whether the caller may name a station as reporting for that unit: only a unit they speak for. */
    public boolean mayReportFor(Caller caller, String unit) {
        return caller.prefecture() || (caller.isOf(ECOLOGY) && caller.covers(jurisdictions, unit));
    }

    /**
     * Whether the caller may write the data of a station stored with that placement at those coordinates: as
     * {@link #mayWrite}, and for anyone but the prefecture only where the reference areas admit the placement there.
     */
    public boolean mayWriteStation(Caller caller, Placement stored, double longitude, double latitude) {
        if (caller.prefecture()) {
            return true;
        }
        return mayWrite(caller, stored) && jurisdictions.admits(stored, longitude, latitude);
    }
}

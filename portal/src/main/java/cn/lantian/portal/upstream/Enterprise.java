package cn.lantian.portal.upstream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An enterprise's disclosure: permit, ultra-low retrofit status and published exceedances. */
public record Enterprise(String id, String name, String county, String permitNumber, LocalDate permitValidUntil,
        String permitStatus, String ultraLowStatus, List<Exceedance> exceedances) {

    /** A valid hourly value above the permit limit. */
    public record Exceedance(Instant hour, String outlet, String pollutant, Double value, Double limit, String unit) {
    }
}

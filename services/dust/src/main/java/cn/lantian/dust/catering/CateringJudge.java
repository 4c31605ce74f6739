package cn.lantian.dust.catering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What GB 18483-2001 and section 三.九 find wrong with premises: a purifier removed, idle or short of efficiency. */
final class CateringJudge {

    static final String REMOVED = "purifier-removed";
    static final String IDLE = "purifier-idle";
    static final String INSUFFICIENT = "purifier-insufficient";
    static final String OVER_LIMIT = "fume-over-limit";

    private CateringJudge() {}

    /** The purifier findings of premises of that class. */
    static List<String> purifier(SizeClass size, String purifierStatus, BigDecimal efficiency) {
        List<String> kinds = new ArrayList<>();
        switch (purifierStatus) {
            case "removed", "none" -> kinds.add(REMOVED);
            case "idle" -> kinds.add(IDLE);
            default -> {}
        }
        if (!kinds.contains(REMOVED) && efficiency != null && efficiency.doubleValue() < size.minRemovalPct()) {
            kinds.add(INSUFFICIENT);
        }
        return kinds;
    }

    /** Whether a reading is over the class's limit (the limit itself is allowed). */
    static boolean overLimit(SizeClass size, double fumeMgM3) {
        return fumeMgM3 > size.maxFumeMgM3();
    }
}

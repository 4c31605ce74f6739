package cn.lantian.enforcement.queue;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whom a work item is for: the prefecture receives everything; an officer the items of their agencies that concern their
 * unit or a unit under it.
 */
@Component
class Recipients {

    private final Jurisdictions jurisdictions;

    Recipients(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Whether an item concerning these units and agencies is for the caller. */
    boolean receives(Caller caller, Collection<String> units, Collection<String> agencies) {
        return caller.prefecture()
                || (agencies.stream().anyMatch(caller::isOf)
                        && units.stream().anyMatch(u -> caller.covers(jurisdictions, u)));
    }

    /** The units of the items the caller receives; null means all (the prefecture). */
    List<String> units(Caller caller) {
        return caller.unitsSeen(jurisdictions).orElse(null);
    }

    /** The agencies of the items the caller receives; null means all (the prefecture). */
    List<String> agencies(Caller caller) {
        return caller.prefecture() ? null : List.copyOf(caller.agencies());
    }
}

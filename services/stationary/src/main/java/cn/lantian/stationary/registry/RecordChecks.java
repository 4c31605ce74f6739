package cn.lantian.stationary.registry;

import reactor.core.publisher.Mono;

/**
 * What must be re-checked when a registry record changes, inside the change's transaction; the rule engine implements
 * it, so that the registry does not depend on the rules that read it.
 */
public interface RecordChecks {

    /** Re-checks a facility after it was created or changed. */
    Mono<Void> evaluate(Facility facility);

    /** Re-checks an enterprise's own obligations after it was created or changed. */
    Mono<Void> evaluate(Enterprise enterprise);
}

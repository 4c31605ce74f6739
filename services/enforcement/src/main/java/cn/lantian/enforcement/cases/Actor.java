package cn.lantian.enforcement.cases;

import cn.lantian.security.Caller;

/**
 * Who moves a case: a caller checked by the access policy, or the service itself (intake, deadline escalation,
 * campaign results already checked by their own rule) when {@code caller} is null.
 */
public record Actor(String name, Caller caller) {

    public static Actor of(Caller caller) {
        return new Actor(caller.username(), caller);
    }

    public static Actor system(String name) {
        return new Actor(name, null);
    }
}

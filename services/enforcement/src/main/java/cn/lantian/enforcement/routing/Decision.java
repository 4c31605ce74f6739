package cn.lantian.enforcement.routing;

/** What an incoming event means for cases. */
public sealed interface Decision {

    /** Open a case (or add an occurrence to the open case with the same key). */
    record Open(CaseDraft draft) implements Decision {}

    /** Close the open case with that key, with the outcome the event reports. */
    record Close(String key, String outcome, String originEventId) implements Decision {}

    /** The event concerns no case. */
    record Ignore(String reason) implements Decision {}
}

package cn.lantian.stationary.web;

/** The write clashes with the current state (a duplicate id or credit code, a stale version). */
public class Conflict extends RuntimeException {

    public Conflict(String reason) {
        super(reason);
    }
}

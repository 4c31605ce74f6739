package cn.lantian.enforcement.web;

/** The caller's agency, level or jurisdiction does not allow the action. */
public class Forbidden extends RuntimeException {

    public Forbidden(String reason) {
        super(reason);
    }
}

package cn.lantian.dust.web;

/** The write clashes with the current state (a duplicate id, a task already closed). */
public class Conflict extends RuntimeException {

    public Conflict(String reason) {
        super(reason);
    }
}

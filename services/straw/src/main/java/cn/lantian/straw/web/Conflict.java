package cn.lantian.straw.web;

/** The write clashes with the record's current state (an incident already verified). */
public class Conflict extends RuntimeException {

    public Conflict(String reason) {
        super(reason);
    }
}

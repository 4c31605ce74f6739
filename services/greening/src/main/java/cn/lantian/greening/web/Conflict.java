package cn.lantian.greening.web;

/** The write clashes with the record's state (a duplicate id, a task already done). */
public class Conflict extends RuntimeException {

    public Conflict(String reason) {
        super(reason);
    }
}

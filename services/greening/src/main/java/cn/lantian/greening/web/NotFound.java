package cn.lantian.greening.web;

/** The addressed record does not exist or lies outside the caller's jurisdiction (both answer 404, so nothing leaks). */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " was not found.");
    }
}

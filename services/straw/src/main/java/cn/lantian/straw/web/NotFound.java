package cn.lantian.straw.web;

/** The addressed record does not exist or the caller may not see it (both answer 404, so nothing leaks). */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}

package cn.lantian.web;

/** The addressed record does not exist or the caller may not see it (both answer 404, so nothing leaks). */
public class NotFound extends RuntimeException {

    /** The detail is one sentence the caller may read, e.g. {@code "No enterprise e-12."}. */
    public NotFound(String detail) {
        super(detail);
    }
}

package cn.lantian.enforcement.web;

/** The resource does not exist, or the caller may not know that it does. */
public class NotFound extends RuntimeException {

    public NotFound(String reason) {
        super(reason);
    }
}

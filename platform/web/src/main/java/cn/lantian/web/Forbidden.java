package cn.lantian.web;

/** The caller is authenticated but their agency, level or jurisdiction does not allow this; answered 403. */
public class Forbidden extends RuntimeException {

    /** The detail is one sentence the caller may read. */
    public Forbidden(String detail) {
        super(detail);
    }
}

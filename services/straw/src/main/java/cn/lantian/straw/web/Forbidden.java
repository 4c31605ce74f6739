package cn.lantian.straw.web;

/** The caller is authenticated but their agency does not allow the write. */
public class Forbidden extends RuntimeException {

    public Forbidden(String reason) {
        super(reason);
    }
}

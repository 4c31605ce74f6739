package cn.lantian.greening.web;

/** The caller is authenticated but their agency or jurisdiction does not allow the write. */
public class Forbidden extends RuntimeException {

    public Forbidden(String reason) {
        super(reason);
    }
}

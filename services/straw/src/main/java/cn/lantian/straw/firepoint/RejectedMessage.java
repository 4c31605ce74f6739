package cn.lantian.straw.firepoint;

/** A FIRMS message with bad rows or no FIRMS header: taken not at all, dead-lettered with this message as the reason. */
class RejectedMessage extends RuntimeException {

    RejectedMessage(String reason) {
        super(reason);
    }
}

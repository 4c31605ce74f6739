package cn.lantian.dust.monitor;

/** A readings message that cannot be taken; the message names each bad line and field, for the dead letter. */
class RejectedMessage extends RuntimeException {

    RejectedMessage(String reason) {
        super(reason);
    }
}

package cn.lantian.feeds.mobile;

/** A registered vehicle as mobile's registry lists it: what a remote-sensing reading depends on. */
record Vehicle(String plate, String kind, String fuel) {

    /** Whether a roadside device measures its exhaust (electric vehicles pass unmeasured). */
    boolean measured() {
        return !fuel.equals("electric");
    }

    boolean diesel() {
        return fuel.equals("diesel");
    }
}

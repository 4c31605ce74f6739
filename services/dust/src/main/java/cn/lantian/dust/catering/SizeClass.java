package cn.lantian.dust.catering;

/** One size class of GB 18483-2001 with its limits; {@code maxHeads} exclusive, null for no upper bound. */
record SizeClass(
        String size,
        int minHeads,
        Integer maxHeads,
        double minRemovalPct,
        double maxFumeMgM3,
        String source,
        String status) {

    boolean holds(int heads) {
        return heads >= minHeads && (maxHeads == null || heads < maxHeads);
    }
}

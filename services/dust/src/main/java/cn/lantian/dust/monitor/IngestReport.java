package cn.lantian.dust.monitor;

/**
 * What a batch of readings did.
 *
 * @param received readings in the batch
 * @param stored readings not seen before
 * @param violations new site-dust-violation events raised
 */
record IngestReport(int received, int stored, int violations) {}

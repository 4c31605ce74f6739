package cn.lantian.mobile.sensing;

/**
 * What a batch did.
 *
 * @param received readings in the batch
 * @param stored new readings stored (a reading already stored is taken again without effect)
 * @param overLimit pollutants over their limit among the stored readings
 * @param failures vehicles judged failures, each raising an event and a repair obligation
 * @param unregistered stored readings of plates the registry does not hold (recorded, not judged)
 * @param invalid stored readings outside HJ 845-2017's measurement conditions (recorded, not judged)
 */
public record IngestReport(int received, int stored, int overLimit, int failures, int unregistered, int invalid) {}

package cn.lantian.straw.patrol;

/**
 * A patrol's report on an incident.
 *
 * @param verdict burning-confirmed, false-alarm or industrial-source
 * @param material what burned, when burning is confirmed: straw, leaves or rubbish
 * @param verifiedAt when the patrol verified it on site (ISO 8601 with offset)
 * @param note a short free note, at most 500 characters (not published)
 */
record Verification(String verdict, String material, String verifiedAt, String note) {
}

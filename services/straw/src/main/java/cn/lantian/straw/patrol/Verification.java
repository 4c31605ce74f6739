package cn.lantian.straw.patrol;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/**
 * A patrol's report on an incident.
 *
 * @param verdict burning-confirmed, false-alarm or industrial-source
 * @param material what burned, when burning is confirmed: straw, leaves or rubbish
 * @param verifiedAt when the patrol verified it on site (ISO 8601 with offset)
 * @param note a short free note, at most 500 characters (not published)
 */
public record Verification(
        @Size(max = TextLength.CODE) String verdict,
        @Size(max = TextLength.CODE) String material,
        @Size(max = TextLength.ID) String verifiedAt,
        @Size(max = TextLength.TEXT) String note) {}

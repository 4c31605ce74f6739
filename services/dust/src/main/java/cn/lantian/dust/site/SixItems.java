package cn.lantian.dust.site;

import java.util.List;

/**
 * The six 100 % items as the contract names them ({@code site-dust-violation.v1}'s {@code measure}): hoarding around
 * the site, stockpiles covered, vehicles washed on leaving, site roads hardened, earthwork and demolition wet, muck
 * carried sealed.
 */
final class SixItems {

    static final List<String> ALL =
            List.of("enclosure", "covering", "washing", "hardening", "wet-work", "sealed-transport");

    private SixItems() {}
}

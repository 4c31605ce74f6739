package cn.lantian.enforcement;

import cn.lantian.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** No feature package of the service depends on another that depends back on it. */
class PackageCyclesTests {

    @Test
    void featurePackagesFormNoCycle() {
        PackageCycles.assertNone("cn.lantian.enforcement");
    }
}

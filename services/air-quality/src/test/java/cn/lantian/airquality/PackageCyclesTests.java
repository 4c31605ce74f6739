package cn.lantian.airquality;

import cn.lantian.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** No feature package of the service depends on itself through others. */
class PackageCyclesTests {

    @Test
    void featurePackagesAreFreeOfCycles() {
        PackageCycles.assertNone("cn.lantian.airquality");
    }
}

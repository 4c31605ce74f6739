package cn.lantian.mobile;

import cn.lantian.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** The service's feature packages depend on each other in one direction only. */
class PackageCyclesTests {

    @Test
    void featurePackagesHaveNoCycles() {
        PackageCycles.assertNone("cn.lantian.mobile");
    }
}

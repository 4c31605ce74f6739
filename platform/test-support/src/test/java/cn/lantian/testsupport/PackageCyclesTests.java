package cn.lantian.testsupport;

import org.junit.jupiter.api.Test;

class PackageCyclesTests {

    @Test
    void noFeaturePackageDependsOnItselfThroughOthers() {
        PackageCycles.assertNone("cn.lantian.testsupport");
    }
}

package cn.lantian.eventing;

import cn.lantian.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTests {

    @Test
    void noFeaturePackageDependsOnItselfThroughOthers() {
        PackageCycles.assertNone("cn.lantian.eventing");
    }
}

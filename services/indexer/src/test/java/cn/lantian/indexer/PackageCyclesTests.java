package cn.lantian.indexer;

import cn.lantian.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTests {

    @Test
    void noFeaturePackageDependsOnItselfThroughOthers() {
        PackageCycles.assertNone("cn.lantian.indexer");
    }
}

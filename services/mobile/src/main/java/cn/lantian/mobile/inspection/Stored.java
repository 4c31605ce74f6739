package cn.lantian.mobile.inspection;

/** A test already stored, as the fraud signals and the closed loop see it. */
record Stored(TestFacts facts, boolean counts) {}

/** Enforcement cases: the lifecycle state machine, its transitions as events, deadlines that escalate by themselves. */
package cn.lantian.enforcement.cases;

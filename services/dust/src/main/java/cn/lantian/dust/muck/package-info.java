/** Muck-truck violations (uncovered, unwashed, overloaded, speeding, spilling) recorded by urban management. */
package cn.lantian.dust.muck;

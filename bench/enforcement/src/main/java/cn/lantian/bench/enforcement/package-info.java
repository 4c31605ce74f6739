/** The enforcement burst benchmark. */
package cn.lantian.bench.enforcement;

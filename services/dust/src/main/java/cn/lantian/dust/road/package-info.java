/** Roads and the monthly share cleaned mechanically per county against the national targets. */
package cn.lantian.dust.road;

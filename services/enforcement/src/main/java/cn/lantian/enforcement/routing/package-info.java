/** The routing table: which findings open or close a case, and where a case goes. */
package cn.lantian.enforcement.routing;

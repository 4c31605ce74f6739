/** Heavy-pollution alerts: the traffic measures of each level, their start and end, and restricted trucks seen. */
package cn.lantian.mobile.emergency;

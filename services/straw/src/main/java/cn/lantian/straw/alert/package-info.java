/** Heavy-pollution alerts: the straw domain's measures per level, put in force by air-quality's alert events. */
package cn.lantian.straw.alert;

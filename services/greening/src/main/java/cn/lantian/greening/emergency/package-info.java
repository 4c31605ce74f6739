/** Heavy-pollution alerts: the greening measures each alert level puts in force in its county. */
package cn.lantian.greening.emergency;

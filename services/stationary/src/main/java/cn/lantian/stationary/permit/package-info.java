/** Pollutant-discharge permits (排污许可证): the core of source management (plan section 四.二). */
package cn.lantian.stationary.permit;

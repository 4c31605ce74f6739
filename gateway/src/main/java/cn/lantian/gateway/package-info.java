/** The gateway: one door for agencies, counties, the Corps and the public. */
package cn.lantian.gateway;

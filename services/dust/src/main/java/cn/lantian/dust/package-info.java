/** The dust and catering service (plan sections 三.八 and 三.九). */
package cn.lantian.dust;

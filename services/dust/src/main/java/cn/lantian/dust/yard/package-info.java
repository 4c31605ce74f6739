/** The inventory of industrial material yards and concrete plants with their dust controls. */
package cn.lantian.dust.yard;

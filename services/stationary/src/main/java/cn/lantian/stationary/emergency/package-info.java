/** Heavy-pollution emergency reduction lists (plan 三.十二): measures per alert level, activation, verification. */
package cn.lantian.stationary.emergency;

/** Stationary sources of Kashgar's air-pollution action plan (sections 三.三, 三.四, 三.五, 三.十二, 四.二). */
package cn.lantian.stationary;

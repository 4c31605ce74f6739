/** The greening and desert-edge service of the forestry agency (plan section 三.十一). */
package cn.lantian.greening;

/** The straw and open-burning service of the agriculture agency (行动方案 三.十). */
package cn.lantian.straw;

/** The registry of enterprises and their facilities, every version kept. */
package cn.lantian.stationary.registry;

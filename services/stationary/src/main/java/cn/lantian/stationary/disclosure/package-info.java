/** What the public may see of stationary sources, served without a token. */
package cn.lantian.stationary.disclosure;

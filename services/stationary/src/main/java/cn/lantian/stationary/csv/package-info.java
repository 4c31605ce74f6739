/** Reading CSV: the rule tables and bulk imports. */
package cn.lantian.stationary.csv;

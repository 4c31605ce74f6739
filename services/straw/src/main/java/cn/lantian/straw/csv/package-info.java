/** The service's one CSV reader, for uploads, messages and rule files. */
package cn.lantian.straw.csv;

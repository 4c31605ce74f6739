/** The one CSV reader of the service (rule tables, registry imports). */
package cn.lantian.dust.csv;

/** Small helpers for binding nullable values in the repositories' SQL. */
package cn.lantian.dust.db;

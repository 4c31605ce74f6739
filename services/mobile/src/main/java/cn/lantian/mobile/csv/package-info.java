/** The CSV reader of registry imports and reading batches. */
package cn.lantian.mobile.csv;

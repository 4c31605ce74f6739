/** Writing a batch of rows with one statement, for the intake's bulk path. */
package cn.lantian.enforcement.bulk;

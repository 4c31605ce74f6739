/** The domain's rule numbers, read from data files that name their source. */
package cn.lantian.dust.rules;

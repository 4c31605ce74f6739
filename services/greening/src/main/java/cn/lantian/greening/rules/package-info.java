/** The rule numbers of the domain, read from data files that name their sources. */
package cn.lantian.greening.rules;

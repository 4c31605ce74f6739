/** The public portal of the Lantian platform. */
package cn.lantian.portal;

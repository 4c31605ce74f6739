/** Reads of the owners' public endpoints, kept to the fields that may be published. */
package cn.lantian.portal.upstream;

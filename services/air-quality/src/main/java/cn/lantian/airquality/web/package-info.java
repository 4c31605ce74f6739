/** HTTP plumbing shared by the features: RFC 9457 problem documents for bad input. */
package cn.lantian.airquality.web;

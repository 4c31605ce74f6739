/** Who may call what: the service's whole access policy in one place. */
package cn.lantian.airquality.access;

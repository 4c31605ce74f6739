/** Each domain's emergency measures in force under an alert, as the domains announce them, for the alert pages. */
package cn.lantian.portal.emergency;

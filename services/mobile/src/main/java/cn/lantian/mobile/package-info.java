/** Mobile sources of Kashgar's air-pollution action plan (section 三.七): vehicles, roadside checks, scrapping. */
package cn.lantian.mobile;

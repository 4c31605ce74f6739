/**
 * Scrapping obligations (plan section 三.七): operating diesel trucks of China III and below, and lean-burn or
 * petrol-to-gas converted vehicles, listed per county and Corps unit; deregistration raises truck-scrapped.
 */
package cn.lantian.mobile.scrapping;

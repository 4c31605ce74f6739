/** Construction sites, their CSV import, the six 100 % inspections and the 3,000 m² monitor rule. */
package cn.lantian.dust.site;

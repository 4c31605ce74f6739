/**
 * Heavy-pollution alerts: the per-level measures of the dust domain put in force and published, and sites found
 * working against a stop-work measure by a monitor or an inspection.
 */
package cn.lantian.dust.emergency;

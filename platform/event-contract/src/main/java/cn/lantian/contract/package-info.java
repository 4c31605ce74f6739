/** The event contract every Lantian service and agency system speaks: CloudEvents 1.0 with versioned schemas. */
package cn.lantian.contract;

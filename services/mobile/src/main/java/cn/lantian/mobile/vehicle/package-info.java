/** The vehicle registry: registration, changes with history, CSV import, deregistration. */
package cn.lantian.mobile.vehicle;

/**
 * Non-road mobile machinery (plan section 三.七): code registration with the national registration's fields, sightings
 * at work, and the violations they reveal (black smoke, no code, a stage below a low-emission zone's), each an event.
 */
package cn.lantian.mobile.machinery;

/** Kashgar's jurisdictions and the plan's named enterprises, as data every service loads its demo data through. */
package cn.lantian.reference;

/** What the public sees: outcomes of closed cases about enterprises, without officers or internal notes. */
package cn.lantian.enforcement.disclosure;

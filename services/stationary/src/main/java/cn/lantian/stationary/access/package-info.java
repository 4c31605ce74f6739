/** Who may read and write stationary-source records. */
package cn.lantian.stationary.access;

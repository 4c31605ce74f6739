/** Who may read and write straw and open-burning records. */
package cn.lantian.straw.access;

/** Token-free lists for the portal: sites with their monitor status and latest PM10, and confirmed violations. */
package cn.lantian.dust.disclosure;

/** The service's rule tables (numbers, seasons, alert measures), each row with its source. */
package cn.lantian.straw.rules;

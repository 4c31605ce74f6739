/** Demonstration data relative to today, loaded when {@code lantian.demo.enabled=true}. */
package cn.lantian.mobile.demo;

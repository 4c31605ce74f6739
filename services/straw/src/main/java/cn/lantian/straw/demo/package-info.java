/** Demonstration data when {@code lantian.demo.enabled=true}, relative to today. */
package cn.lantian.straw.demo;

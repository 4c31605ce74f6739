/** Demo cases for a fresh platform, loaded when lantian.demo.enabled is true. */
package cn.lantian.enforcement.demo;

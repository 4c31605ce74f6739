/** Demo data: about twenty stations and a winter alert episode; their hours come from the live agency feeds. */
package cn.lantian.airquality.demo;

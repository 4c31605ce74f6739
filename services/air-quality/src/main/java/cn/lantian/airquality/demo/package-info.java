/** Demo data: about twenty stations and a generated year 2024 of hourly values shaped like Kashgar's. */
package cn.lantian.airquality.demo;

/** Low-emission zones per county where non-road machinery below an emission stage may not work (rule data). */
package cn.lantian.mobile.zone;

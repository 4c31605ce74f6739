/** The public pages: server-rendered, Chinese first, with English and Uyghur. */
package cn.lantian.portal.pages;

/**
 * What the features share on top of the platform's web answers ({@code cn.lantian.web}): field checks collected per
 * request and cursor pages.
 */
package cn.lantian.dust.web;

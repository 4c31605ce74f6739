/**
 * What the features share on top of the platform's web answers ({@code cn.lantian.web}): input checks and cursor
 * pages.
 */
package cn.lantian.greening.web;

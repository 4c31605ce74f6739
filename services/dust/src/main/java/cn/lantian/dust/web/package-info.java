/**
 * HTTP plumbing the features share: the one problem-details shape, field errors, text checks and cursor pages. Kept in
 * this one package so that it can be swapped for the platform's service skeleton.
 */
package cn.lantian.dust.web;

/** HTTP plumbing shared by the features: one problem-details shape, strict JSON, text checks, cursor pages. */
package cn.lantian.straw.web;

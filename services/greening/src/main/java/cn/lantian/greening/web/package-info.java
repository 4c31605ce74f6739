/** HTTP plumbing of the service: the one problem-details shape, input checks, cursor pages. */
package cn.lantian.greening.web;

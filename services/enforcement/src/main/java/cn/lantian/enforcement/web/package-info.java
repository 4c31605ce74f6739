/** HTTP plumbing the features share: problem details, pages, error types. */
package cn.lantian.enforcement.web;

/** HTTP plumbing the features share: cursor pages (problem details and error types come from the platform's web module). */
package cn.lantian.enforcement.web;

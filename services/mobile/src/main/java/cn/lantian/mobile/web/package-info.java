/** HTTP plumbing shared by the features: cursor pages (problem details come from the platform's web module). */
package cn.lantian.mobile.web;

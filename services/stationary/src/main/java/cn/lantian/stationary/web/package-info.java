/** HTTP plumbing shared by the features: problem details, field errors, cursor pages. */
package cn.lantian.stationary.web;

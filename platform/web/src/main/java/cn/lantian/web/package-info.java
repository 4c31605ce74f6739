/** What every HTTP service of the platform answers and refuses: one problem-details shape, input limits, strict JSON. */
package cn.lantian.web;

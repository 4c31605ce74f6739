/** Helpers the features' demonstration data share: random points that really lie in a county. */
package cn.lantian.dust.demo;

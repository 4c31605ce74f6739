/** Patrols: incidents assigned to townships or regiments, verified on site with a verdict and a response time. */
package cn.lantian.straw.patrol;

/** The plan's rule table and the engine that turns it into findings. */
package cn.lantian.stationary.rules;

/**
 * The fault suite's own parts: a load generator that plays the stationary service's exceedance events into a running
 * cluster, and the tally that says, after a fault, how many of them reached the owner's tables and the joint index.
 */
package cn.lantian.chaos;

/** Open-data answers relayed from the owning services: licence, attribution, body ETags and public caching. */
package cn.lantian.gateway.opendata;

/** The open-data API the portal owns: catalogue, datasets with cursor paging, bulk downloads, licence, caching, problems. */
package cn.lantian.portal.opendata;

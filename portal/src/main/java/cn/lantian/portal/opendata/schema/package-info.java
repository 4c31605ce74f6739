/**
 * Schema-only records describing the JSON bodies of the open-data API in its OpenAPI document. The controllers write
 * pre-rendered bytes, so these types are never instantiated; a test compares them with the real answers.
 */
package cn.lantian.portal.opendata.schema;

/**
 * What the features share on top of the platform's web answers ({@code cn.lantian.web}): the refusal of unknown
 * fields, text and query parameter checks.
 */
package cn.lantian.straw.web;

/**
 * Catering fumes (plan section 三.九): premises with their cooking heads and size class (GB 18483-2001 Table 1), the
 * purifier and its required removal efficiency, cleaning records and online fume readings against the limit (Table 2).
 */
package cn.lantian.dust.catering;

/** Cross-enforcement (交叉执法) campaigns: teams paired with units they do not govern, tasks from open cases and the permit registry. */
package cn.lantian.enforcement.campaign;

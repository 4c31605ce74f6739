/** Cross-enforcement (交叉执法) campaigns: teams paired with units they do not govern, tasks from open cases. */
package cn.lantian.enforcement.campaign;

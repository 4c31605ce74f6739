/** Sand-closure protection areas: designation, boundary, work items, ranger patrols and violations inside. */
package cn.lantian.greening.closure;

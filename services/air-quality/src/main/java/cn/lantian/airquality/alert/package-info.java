/** Heavy-pollution alerts: levels from county forecasts by a rule table, their cycle as events, and their history. */
package cn.lantian.airquality.alert;

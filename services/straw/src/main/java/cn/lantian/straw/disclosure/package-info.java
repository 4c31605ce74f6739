/** Token-free public view: incidents as GeoJSON without personal data, and the straw utilisation table. */
package cn.lantian.straw.disclosure;

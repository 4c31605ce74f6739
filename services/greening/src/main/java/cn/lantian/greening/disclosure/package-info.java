/** Token-free public datasets for the portal's map: projects and closure areas as GeoJSON. */
package cn.lantian.greening.disclosure;

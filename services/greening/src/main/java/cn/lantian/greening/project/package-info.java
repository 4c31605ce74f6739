/** Afforestation projects: programme, areas, species, season, forest chief, boundary, survival checks, progress. */
package cn.lantian.greening.project;

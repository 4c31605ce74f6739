/** Straw use per county and season: ways of use, utilisation rate against 86 %, burning intensity per cropland. */
package cn.lantian.straw.strawuse;

/** The registry of permitted enterprises, projected from the stationary service's permit events. */
package cn.lantian.enforcement.registry;

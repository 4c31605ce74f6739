/**
 * Idle and bare land: parcels idle longer than the rule allows become greening, paving or covering tasks published to
 * the greening service, and are closed when it reports them done.
 */
package cn.lantian.dust.idleland;

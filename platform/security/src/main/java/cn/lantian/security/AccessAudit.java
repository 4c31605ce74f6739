package cn.lantian.security;

import reactor.core.publisher.Mono;

/**
 * Where {@link AuditWebFilter} sends audit records; a service implements it with its outbox so that a record is kept
 * as durably as its own data.
 */
@FunctionalInterface
public interface AccessAudit {

    /** Keeps the record; completes only once it is durable, and fails if it could not be kept. */
    Mono<Void> record(AccessRecord record);
}

/**
 * UUIDs as the database writes them (`gen_random_uuid()`): a check before one reaches a query, so
 * a malformed id is a 4xx or a miss, never a PostgreSQL error.
 *
 * @module
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID written `8-4-4-4-12` hex digits (either case). */
export const isUuid = (s: string): boolean => UUID.test(s);

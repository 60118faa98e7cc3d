/**
 * Wall clocks to instants in an IANA time zone (placeholder: the time-zone work replaces it).
 *
 * @module
 */
import type { ToInstant } from "../db/copy.ts";

/** A converter for the wall clocks of one export, called in file order. */
export function instantConverter(zone: string): ToInstant {
  if (zone !== "UTC") throw new Error(`time zone ${zone}: not supported yet`);
  return (date) => date + "Z";
}

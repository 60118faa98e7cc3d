import { timeZoneNames } from "../../lib/time/names.ts";

/** The `<option>`s of every IANA zone, `selected` on `value` (added when the list lacks it). */
export function ZoneOptions(props: { value: string | null }) {
  const names = timeZoneNames();
  const extra = props.value && !names.includes(props.value) ? [props.value] : [];
  return (
    <>
      {[...extra, ...names].map((z) => (
        <option key={z} value={z} selected={z === props.value}>{z}</option>
      ))}
    </>
  );
}

/**
 * "Times in: [zone]": the zone the reader reads in, saved on the account (`users.reading_zone`)
 * by a plain form post (no JavaScript needed), then back to `next`. The empty choice reads each
 * conversation in its own zone (the exporting phone's, `own` when on a conversation).
 */
export function ReadingZoneForm(props: {
  next: string;
  zones: { own?: string; chosen: string | null };
  label?: string;
}) {
  const own = props.zones.own ? `This chat's zone (${props.zones.own})` : "Each chat's own zone";
  return (
    <form method="post" action="/account/reading-zone" class="reading-zone inline">
      <input type="hidden" name="next" value={props.next} />
      <label>
        {props.label ?? "Times in"}{" "}
        <select name="zone">
          <option value="" selected={props.zones.chosen === null}>{own}</option>
          <ZoneOptions value={props.zones.chosen} />
        </select>
      </label>{" "}
      <button type="submit">Show</button>
    </form>
  );
}
